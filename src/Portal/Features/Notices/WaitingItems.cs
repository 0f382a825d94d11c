using Portal.Features.Access;

namespace Portal.Features.Notices;

/// <summary>
/// The account something may wait for: its reader (an account, never an entry-code session) and whether the coordinator
/// named it a catalogue editor. Each source decides with its feature's own rights what this account may act on.
/// </summary>
public sealed record WaitingAccount(Reader Reader, bool HasEditorRight);

/// <summary>One thing that waits, as a line of the summary: what it is, and the page where the person acts on it.</summary>
public sealed record WaitingItem(string Text, string Path);

/// <summary>
/// One kind of thing waiting for the account: a whole sentence with the count (singular and plural written out), the
/// page that lists them all, and the first <see cref="WaitingItems.MostNamed"/> of them. <see cref="Key"/> names the
/// section on the home page.
/// </summary>
public sealed record WaitingSection(string Key, string Sentence, string Path, int Count, IReadOnlyList<WaitingItem> Items)
{
    /// <summary>
    /// False for what has reminders of its own and would otherwise fill the daily summary day after day with the same
    /// lines (postings about to expire): the home page shows it, the summary does not.
    /// </summary>
    public bool InDailySummary { get; init; } = true;
}

/// <summary>
/// A feature's answer to "what waits for this account now": the access requests for coordinators, the contributions for
/// editors and focal points. The daily summary and the home page ask every source registered in DI, in order of
/// registration; a feature adds its section by registering one more.
/// </summary>
public interface IWaitingItems
{
    Task<IReadOnlyList<WaitingSection>> ForAsync(WaitingAccount account, CancellationToken cancellationToken = default);
}

/// <summary>All sources together.</summary>
public sealed class WaitingItems(IEnumerable<IWaitingItems> sources)
{
    /// <summary>A section names at most this many items; its page lists them all.</summary>
    public const int MostNamed = 10;

    public async Task<IReadOnlyList<WaitingSection>> ForAsync(WaitingAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.Reader.IsAccount)
        {
            return [];
        }

        var sections = new List<WaitingSection>();
        foreach (var source in sources)
        {
            sections.AddRange(await source.ForAsync(account, cancellationToken));
        }

        return sections;
    }
}
