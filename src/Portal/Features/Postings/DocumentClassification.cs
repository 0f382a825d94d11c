using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>
/// Fills the form's classification from the rows of a document's first table, where they name values with the words
/// the portal shows (<see cref="PostingLabels"/>, the names of the States). A list is read item by item (commas,
/// semicolons, lines); an item the portal does not know is left out, never matched to the nearest thing: the
/// coordinator sees what was read and chooses the rest.
/// </summary>
public static partial class DocumentClassification
{
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    // Letter case, accents and the apostrophe's form do not make another name: "Bogota" is Bogotá.
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMMM d yyyy"];

    public static void Apply(DocumentCore core, PostingForm form, IReadOnlyList<CountryOption> countries)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(countries);
        var fields = core.Fields;
        if (fields.TryGetValue(CoreField.Areas, out var areas))
        {
            form.Areas = [.. Items(areas).Select(Area).OfType<CcmAreas>().Distinct()];
        }

        if (fields.TryGetValue(CoreField.AssistanceTypes, out var types))
        {
            form.AssistanceTypes = [.. Items(types).Select(AssistanceType).OfType<AssistanceTypes>().Distinct()];
        }

        if (fields.TryGetValue(CoreField.Countries, out var places))
        {
            var items = Items(places).ToList();
            form.Countries = [.. items.Select(i => countries.FirstOrDefault(c => Same(i, c.Name) || i == c.Code)?.Code).OfType<string>().Distinct()];
            form.Regions = [.. items.Select(Region).OfType<Regions>().Distinct()];
        }

        if (form.HasBudget && fields.TryGetValue(CoreField.Budget, out var budget)
            && Budget(budget, fields.GetValueOrDefault(CoreField.Currency)) is { } read)
        {
            form.Budget = read.Amount;
            form.Currency = read.Currency;
        }

        if (fields.TryGetValue(CoreField.Visibility, out var visibility)
            && Enum.GetValues<Visibility>().Where(v => Same(WithoutNote(visibility), v.Label())).ToList() is [var only])
        {
            form.Visibility = only;
        }

        if (fields.TryGetValue(CoreField.ValidUntil, out var until)
            && DateOnly.TryParseExact(until.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            form.ValidUntil = date;
        }
    }

    /// <summary>
    /// "Victim assistance (Art. 5)", "Victim assistance", "Art. 5" or "Article 5". The article decides, as each names
    /// one area; one that contradicts the name of another area ("Victim assistance (Art. 4)") is not read.
    /// </summary>
    private static CcmAreas? Area(string item)
    {
        var article = Article().Match(item);
        var name = WithoutNote(article.Success ? item.Remove(article.Index, article.Length) : item).Trim(' ', '-', '\u2013', '\u2014', ',');
        var byName = name.Length == 0 ? null : PostingLabels.AllAreas.Cast<CcmAreas?>().FirstOrDefault(a => Same(name, WithoutNote(a!.Value.Label())));
        if (!article.Success)
        {
            return byName;
        }

        var byArticle = PostingLabels.AllAreas.Cast<CcmAreas?>()
            .FirstOrDefault(a => Article().Match(a!.Value.Label()) is { Success: true } known && known.Groups["number"].Value == article.Groups["number"].Value);
        return byName is null || byName == byArticle ? byArticle : null;
    }

    /// <summary>"Technical", or "Technical assistance".</summary>
    private static AssistanceTypes? AssistanceType(string item)
    {
        var name = AssistanceWord().Replace(item, "");
        return PostingLabels.AllAssistanceTypes.Cast<AssistanceTypes?>().FirstOrDefault(t => Same(name, t!.Value.Label()));
    }

    /// <summary>A whole region as the form names it: "Global", "Africa", "Americas" (or "the Americas").</summary>
    private static Regions? Region(string item)
    {
        var name = item.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? item[4..] : item;
        return PostingLabels.AllRegions.Cast<Regions?>().FirstOrDefault(r => Same(name, r!.Value.Label()));
    }

    /// <summary>"USD 250,000", "250 000 EUR", or an amount with the currency in its own row; a currency the form does not offer is not read.</summary>
    private static (string Amount, string Currency)? Budget(string budget, string? currencyRow)
    {
        var match = Amount().Match(budget.Trim());
        var currency = (match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Success ? match.Groups["after"].Value : currencyRow?.Trim())?.ToUpperInvariant();
        return match.Success && currency is not null && PostingLabels.Currencies.Contains(currency) && !(match.Groups["before"].Success && match.Groups["after"].Success)
            ? (match.Groups["amount"].Value.Trim(), currency)
            : null;
    }

    /// <summary>The items of a list written in one cell: separated by commas, semicolons or lines, bullets removed.</summary>
    private static IEnumerable<string> Items(string value) =>
        value.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(i => i.TrimStart('-', '*', '\u2022', '\u00B7', '\u2013', ' ', '\t').Replace('\u2019', '\'').Trim())
            .Where(i => i.Length > 0);

    /// <summary>"States and observers (international organisations and NGOs)" → "States and observers".</summary>
    private static string WithoutNote(string text) => Note().Replace(text, "").Trim();

    private static bool Same(string a, string b) => Compare.Compare(a.Trim(), b.Replace('\u2019', '\''), Loose) == 0;

    [GeneratedRegex(@"\((?:art\.?|article)\s*(?<number>\d+)\)|\b(?:art\.?|article)\s*(?<number>\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Article();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Note();

    [GeneratedRegex(@"\s+(?:assistance|support)$", RegexOptions.IgnoreCase)]
    private static partial Regex AssistanceWord();

    [GeneratedRegex(@"^(?:(?<before>[A-Za-z]{3})[ \u00A0]*)?(?<amount>\d[\d, \u00A0\u202F]*(?:\.\d{1,2})?)(?:[ \u00A0]*(?<after>[A-Za-z]{3}))?$")]
    private static partial Regex Amount();
}
