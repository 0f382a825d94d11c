using Portal.Features.Access;

namespace Portal.Features.Postings;

/// <summary>
/// Who published a version, as <see cref="Data.PostingVersion.AuthorName"/> records it: "Full Name &lt;e-mail&gt;",
/// the publishing account as the audit log names it. The address is the person's own, not the posting's contact:
/// only readers who <see cref="Reader.SeesPublisherDetails"/> get it; everyone else gets the name.
/// </summary>
public static class PostingAuthor
{
    public static string ShownTo(Reader reader, int owningParticipantId, string recorded)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.SeesPublisherDetails(owningParticipantId) ? recorded : NameOnly(recorded);
    }

    /// <summary>
    /// The text before the first " &lt;". It is always a leading part of the name, so it never holds any of the
    /// address, whatever the name or the address contain; a name that itself holds " &lt;" is shown cut short.
    /// </summary>
    public static string NameOnly(string recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var end = recorded.IndexOf(" <", StringComparison.Ordinal);
        return end < 0 ? recorded : recorded[..end];
    }
}
