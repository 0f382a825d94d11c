using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Features.WordImport;

/// <summary>How a run looks: only what the Markdown can show, and whether Word hides it.</summary>
internal readonly record struct RunLook(bool Bold, bool Italic, bool Hidden)
{
    public Emphasis Emphasis => (Bold ? Emphasis.Bold : Emphasis.None) | (Italic ? Emphasis.Italic : Emphasis.None);
}

/// <summary>A numbered or bulleted paragraph: its list (w:numId), level, kind and first number.</summary>
internal sealed record ListInfo(int NumId, int Level, bool Ordered, int Start);

/// <summary>
/// What the styles and numbering parts say about a paragraph or run. Word's toggling of bold and italic through
/// several styles is not modelled: the nearest explicit value wins.
/// </summary>
internal sealed class DocxStyles
{
    private const int MaxDepth = 16;
    private readonly Dictionary<string, Style> styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, NumberingInstance> nums = [];
    private readonly Dictionary<int, AbstractNum> abstractNums = [];
    private readonly string? defaultParagraphStyle;
    private readonly RunPropertiesBaseStyle? runDefaults;

    public DocxStyles(MainDocumentPart main)
    {
        if (main.StyleDefinitionsPart?.Styles is { } root)
        {
            foreach (var style in root.Elements<Style>())
            {
                if (style.StyleId?.Value is { } id)
                {
                    styles.TryAdd(id, style);
                    if (style.Type?.InnerText == "paragraph" && IsOn(style.Default))
                    {
                        defaultParagraphStyle ??= id;
                    }
                }
            }

            runDefaults = root.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
        }

        if (main.NumberingDefinitionsPart?.Numbering is { } numbering)
        {
            foreach (var num in numbering.Elements<NumberingInstance>())
            {
                nums.TryAdd(Number(num.NumberID) ?? -1, num);
            }

            foreach (var abstractNum in numbering.Elements<AbstractNum>())
            {
                abstractNums.TryAdd(Number(abstractNum.AbstractNumberId) ?? -1, abstractNum);
            }
        }
    }

    public bool IsTitle(Paragraph paragraph) =>
        ParagraphStyleId(paragraph) is { } id && styles.TryGetValue(id, out var style)
            ? IsNamed(id, style, "Title")
            : string.Equals(ParagraphStyleId(paragraph), "Title", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A quotation: a paragraph in Word's "Quote" or "Intense Quote" style, pandoc's and Word's "Block Text", a style
    /// based on one of them, or a paragraph indented on both sides (directly or through its style).
    /// </summary>
    public bool IsQuotation(Paragraph paragraph)
    {
        var chain = Chain(ParagraphStyleId(paragraph)).ToList();
        if (chain.Any(style => IsNamed(style.StyleId?.Value, style, "Quote") || IsNamed(style.StyleId?.Value, style, "Intense Quote")
            || IsNamed(style.StyleId?.Value, style, "Block Text")))
        {
            return true;
        }

        var indentation = paragraph.ParagraphProperties?.Indentation;
        var left = Twips(indentation?.Left ?? indentation?.Start);
        var right = Twips(indentation?.Right ?? indentation?.End);
        foreach (var style in chain)
        {
            var inherited = style.StyleParagraphProperties?.Indentation;
            left ??= Twips(inherited?.Left ?? inherited?.Start);
            right ??= Twips(inherited?.Right ?? inherited?.End);
        }

        return left > 0 && right > 0;

        static int? Twips(StringValue? value) =>
            value is not null && int.TryParse(value.InnerText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var twips) ? twips : null;
    }

    /// <summary>1 to 6, or 0 for body text: from the outline level or a "heading N" style, following basedOn.</summary>
    public int HeadingLevel(Paragraph paragraph)
    {
        if (Number(paragraph.ParagraphProperties?.OutlineLevel?.Val) is int direct)
        {
            return FromOutline(direct);
        }

        foreach (var style in Chain(ParagraphStyleId(paragraph)))
        {
            for (var n = 1; n <= 9; n++)
            {
                if (IsNamed(style.StyleId?.Value, style, "heading " + n.ToString(CultureInfo.InvariantCulture)))
                {
                    return Math.Min(n, 6);
                }
            }

            if (Number(style.StyleParagraphProperties?.OutlineLevel?.Val) is int outline)
            {
                return FromOutline(outline);
            }
        }

        return 0;
    }

    /// <summary>What the paragraph's style says about its runs. Headings and titles are shown as such, not in bold.</summary>
    public RunLook ParagraphLook(Paragraph paragraph, bool isHeading)
    {
        bool? bold = null, italic = null, hidden = null;
        foreach (var style in Chain(ParagraphStyleId(paragraph)))
        {
            bold ??= Flag<Bold>(style.StyleRunProperties);
            italic ??= Flag<Italic>(style.StyleRunProperties);
            hidden ??= Flag<Vanish>(style.StyleRunProperties);
        }

        return new(
            !isHeading && (bold ?? Flag<Bold>(runDefaults) ?? false),
            !isHeading && (italic ?? Flag<Italic>(runDefaults) ?? false),
            hidden ?? Flag<Vanish>(runDefaults) ?? false);
    }

    /// <summary>Direct formatting, then the character style, then the paragraph. "Strong" and "Emphasis" work even undefined.</summary>
    public RunLook RunLook(Run run, RunLook paragraph)
    {
        var properties = run.RunProperties;
        var styleId = properties?.RunStyle?.Val?.Value;
        var chain = Chain(styleId).ToList();
        var undefined = chain.Count == 0 ? styleId : null;
        return new(
            Resolve<Bold>(properties, chain) ?? (undefined == "Strong" || paragraph.Bold),
            Resolve<Italic>(properties, chain) ?? (undefined == "Emphasis" || paragraph.Italic),
            Resolve<Vanish>(properties, chain) ?? paragraph.Hidden);
    }

    /// <summary>The list the paragraph belongs to, through w:numPr or its style; null for none or a level without a marker.</summary>
    public ListInfo? List(Paragraph paragraph)
    {
        var direct = paragraph.ParagraphProperties?.NumberingProperties;
        var numId = Number(direct?.NumberingId?.Val);
        var level = Number(direct?.NumberingLevelReference?.Val);
        if (numId is null)
        {
            foreach (var style in Chain(ParagraphStyleId(paragraph)))
            {
                var fromStyle = style.StyleParagraphProperties?.NumberingProperties;
                level ??= Number(fromStyle?.NumberingLevelReference?.Val);
                if ((numId = Number(fromStyle?.NumberingId?.Val)) is not null)
                {
                    break;
                }
            }
        }

        if (numId is not int id || id == 0)
        {
            return null;
        }

        var (definition, start) = FindLevel(id, level ?? 0);
        var format = definition?.NumberingFormat?.Val?.InnerText;
        return definition is null || format == "none"
            ? null
            : new ListInfo(id, Math.Clamp(level ?? 0, 0, 8), format != "bullet", start ?? Number(definition.StartNumberingValue?.Val) ?? 0);
    }

    private (Level? Level, int? Start) FindLevel(int numId, int level)
    {
        int? start = null;
        for (var depth = 0; depth < MaxDepth && nums.TryGetValue(numId, out var num); depth++)
        {
            var levelOverride = num.Elements<LevelOverride>().FirstOrDefault(o => Number(o.LevelIndex) == level);
            start ??= Number(levelOverride?.StartOverrideNumberingValue?.Val);
            if (levelOverride?.Level is { } replaced)
            {
                return (replaced, start);
            }

            if (Number(num.AbstractNumId?.Val) is not int abstractId || !abstractNums.TryGetValue(abstractId, out var abstractNum))
            {
                break;
            }

            // A list defined by a numbering style points to that style, whose w:numPr names the real definition.
            if (abstractNum.NumberingStyleLink?.Val?.Value is { } link && styles.TryGetValue(link, out var linked)
                && Number(linked.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val) is int linkedId)
            {
                numId = linkedId;
                continue;
            }

            return (abstractNum.Elements<Level>().FirstOrDefault(l => Number(l.LevelIndex) == level), start);
        }

        return (null, null);
    }

    private string? ParagraphStyleId(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? defaultParagraphStyle;

    private IEnumerable<Style> Chain(string? styleId)
    {
        for (var depth = 0; depth < MaxDepth && styleId is not null && styles.TryGetValue(styleId, out var style); depth++)
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }

    private static bool? Resolve<T>(RunProperties? direct, List<Style> chain)
        where T : OnOffType
    {
        if (Flag<T>(direct) is bool value)
        {
            return value;
        }

        foreach (var style in chain)
        {
            if (Flag<T>(style.StyleRunProperties) is bool inherited)
            {
                return inherited;
            }
        }

        return null;
    }

    private static bool? Flag<T>(OpenXmlElement? properties)
        where T : OnOffType =>
        properties?.GetFirstChild<T>() is { } element ? element.Val is null || IsOn(element.Val) : null;

    private static bool IsOn(OnOffValue? value) =>
        value is not null && value.InnerText is not ("0" or "false" or "off");

    private static bool IsNamed(string? id, Style style, string name) =>
        string.Equals(style.StyleName?.Val?.Value, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(id, name.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    /// <summary>An integer attribute, or null when absent or not a number (reading .Value would throw).</summary>
    public static int? Number(OpenXmlSimpleType? value) =>
        value is not null && int.TryParse(value.InnerText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static int FromOutline(int outline) => outline is >= 0 and < 9 ? Math.Min(outline + 1, 6) : 0;
}
