using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Tokens;

namespace Portal.Features.Catalogue.Book;

/// <summary>What a printed PDF says about itself, read with PdfPig.</summary>
public static class PrintedPdf
{
    public static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>
    /// The page each of <paramref name="targets"/> landed on, from the contents' links: Chromium writes an internal
    /// link as a named destination (the element's id) that PdfPig resolves to a page. The contents come first, so
    /// reading stops at the first page after them that has no such link.
    /// </summary>
    public static (int Pages, Dictionary<string, int> Landed) Read(byte[] pdf, IReadOnlyCollection<string> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        using var document = PdfDocument.Open(pdf);
        var wanted = targets.ToHashSet(StringComparer.Ordinal);
        var landed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var number = 1; number <= document.NumberOfPages && landed.Count < wanted.Count; number++)
        {
            var links = 0;
            foreach (var annotation in document.GetPage(number).GetAnnotations())
            {
                if (annotation.Action is GoToAction go && DestinationName(annotation.AnnotationDictionary) is { } name && wanted.Contains(name))
                {
                    landed[name] = go.Destination.PageNumber;
                    links++;
                }
            }

            if (links == 0 && landed.Count > 0)
            {
                break;
            }
        }

        var missing = wanted.Where(t => !landed.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The printed contents have no link to {string.Join(", ", missing)}.");
        }

        return (document.NumberOfPages, landed);
    }

    private static string? DestinationName(DictionaryToken annotation) =>
        annotation.TryGet(NameToken.Dest, out var token)
            ? token switch
            {
                NameToken name => name.Data,
                StringToken text => text.Data,
                _ => null,
            }
            : null;
}
