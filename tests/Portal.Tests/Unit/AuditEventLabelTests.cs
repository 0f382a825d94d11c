using System.Text.RegularExpressions;
using Portal.Features.Audit;
using Portal.Features.Participants;

namespace Portal.Tests.Unit;

/// <summary>The audit page shows words a person reads for every event, never the code name it is stored under.</summary>
public partial class AuditEventLabelTests
{
    public static TheoryData<AuditEvent> Events => [.. Enum.GetValues<AuditEvent>()];

    [Theory]
    [MemberData(nameof(Events))]
    public void EveryEvent_HasWordsAPersonReads(AuditEvent e)
    {
        var label = e.Label();

        Assert.NotEqual(e.ToString(), label);
        Assert.Matches(Phrase(), label);
        Assert.DoesNotMatch(CodeName(), label);
        Assert.Equal(label, AuditEvents.LabelOf(e.ToString()));
    }

    [Fact]
    public void NoTwoEvents_ShareTheirWords()
    {
        var labels = Enum.GetValues<AuditEvent>().Select(e => e.Label()).ToList();
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("SomethingAnOlderVersionWrote")]
    [InlineData("3")]
    [InlineData("signin")]
    public void AStoredNameThisVersionDoesNotWrite_IsShownAsItIs_AndFiltersNothing(string name)
    {
        Assert.Equal(name, AuditEvents.LabelOf(name));
        Assert.Null(AuditEvents.Parse(name));
    }

    /// <summary>A capital, then words; no full stop, as in a table cell or a list of options.</summary>
    [GeneratedRegex(@"^[A-Z][a-z'-]*( [a-zA-Z'-]+)*(: [a-z' -]+)?$")]
    private static partial Regex Phrase();

    /// <summary>"TwoFactorFailed": a lower-case letter straight before a capital.</summary>
    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CodeName();
}
