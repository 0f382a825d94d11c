using System.Globalization;
using System.Text;
using Portal.Infrastructure.Email;

namespace Portal.Features.Notices;

/// <summary>The texts of the daily summary, in one place.</summary>
public sealed class NoticeMail(Outbox outbox)
{
    public const string DailySummaryKind = "daily-summary";

    /// <summary>One e-mail listing every section that waits for the account, each item with the page where it is acted on.</summary>
    public void SendDailySummary(string to, string name, DateOnly day, IReadOnlyList<WaitingSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var text = new StringBuilder();
        foreach (var section in sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"{section.Sentence}\n");
            foreach (var item in section.Items)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {item.Text}\n  {outbox.Link(item.Path)}\n");
            }

            if (section.Count > section.Items.Count)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"Only the first {section.Items.Count} are named here; this page lists all {section.Count}:\n  {outbox.Link(section.Path)}\n");
            }

            text.Append('\n');
        }

        outbox.Enqueue(DailySummaryKind, to, $"What waits for you on the portal, {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", $"""
            Dear {name},

            This is your daily summary: what waits for you on the CCM Cooperation Portal now.

            {text.ToString().TrimEnd()}

            You chose one e-mail a day. To be told at once instead, change your choice here:
            {outbox.Link("/Account/Manage/Notices")}
            """);
    }
}
