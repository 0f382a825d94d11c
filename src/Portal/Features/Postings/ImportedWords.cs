using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>
/// A Word document's own words in a posting, as they stood when the form was filled: the parts the import read
/// (<see cref="Posting.FromDocument"/>) and what they say. A form that still holds them holds the State's words, not
/// typed ones; a part the person changed is typed from then on. PRODUCT.md: "A summary typed in the form must be a
/// real sentence; an imported summary is the document's own words, whatever their length."
/// </summary>
public sealed record ImportedWords(ImportedParts Parts, string Title, string Summary, string ContactPoint, string? Period, string Body)
{
    public static ImportedWords? Of(Posting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return posting.FromDocument == ImportedParts.None ? null
            : new(posting.FromDocument, posting.Title, posting.Summary, posting.ContactPoint, posting.Period, posting.Body);
    }

    /// <summary>The parts that <paramref name="form"/> (as <see cref="PostingForm.Validate"/> leaves it) still holds unchanged.</summary>
    public ImportedParts KeptIn(PostingForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var kept = ImportedParts.None;
        Keep(ImportedParts.Text, Body, form.Body);
        Keep(ImportedParts.Title, Title, form.Title);
        Keep(ImportedParts.Summary, Summary, form.Summary);
        Keep(ImportedParts.ContactPoint, ContactPoint, form.ContactPoint);
        Keep(ImportedParts.Period, Period, form.Period);
        return kept;

        void Keep(ImportedParts part, string? imported, string? now)
        {
            if (Parts.HasFlag(part) && string.Equals(imported ?? "", now ?? "", StringComparison.Ordinal))
            {
                kept |= part;
            }
        }
    }
}
