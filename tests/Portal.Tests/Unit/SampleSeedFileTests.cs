using Portal.Data;
using Portal.Features.Sample;

namespace Portal.Tests.Unit;

/// <summary>A mistake in a sample data file stops the start with a message that names the file, the entry and the field.</summary>
public sealed class SampleSeedFileTests : IDisposable
{
    private const string Header = """
        "participant": "LAO",
        "kind": "Need",
        "title": "A test posting",
        "summary": "A summary of the test posting, long enough.",
        "areas": ["VictimAssistance"],
        "assistanceTypes": ["Training"],
        "countries": ["LAO"],
        "contactPoint": "Someone, someone@lao.sample.test",
        "visibility": "StatesOnly",
        "publishedDaysAgo": 10,
        "validForDays": 100
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("sample-seed-").FullName;

    public SampleSeedFileTests() => Directory.CreateDirectory(Path.Combine(directory, "postings"));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Load_AWellFormedFile_GivesItsPosting_WithTheBodyAfterTheHeader()
    {
        Write("01-good.md", Posting(Header, budget: "\"budget\": 1500.50, \"currency\": \"USD\","));
        var posting = Assert.Single(SamplePostings.Load(directory));
        Assert.Equal(("LAO", PostingKind.Need, CcmAreas.VictimAssistance, 1500.50m), (posting.ParticipantCode, posting.Kind, posting.Areas, posting.Budget));
        Assert.Equal(("## What is needed\n\nTraining.", "postings/01-good.md"), (posting.Body, posting.Source));
    }

    [Theory]
    [InlineData("\"areas\": [\"VictimAssistance\"]", "\"areas\": [\"Victim assistance\"]", "\"areas\" holds \"Victim assistance\", which is not one of: StockpileDestruction")]
    [InlineData("\"kind\": \"Need\"", "\"kind\": \"Needs\"", "(line 4)")]
    [InlineData("\"title\": \"A test posting\",", "\"titel\": \"A test posting\",", "titel")]
    [InlineData("\"title\": \"A test posting\",", "", "title")]
    [InlineData("\"summary\": \"A summary of the test posting, long enough.\"", "\"summary\": \" \"", "\"summary\" is empty")]
    [InlineData("\"publishedDaysAgo\": 10", "\"publishedDaysAgo\": \"ten\"", "publishedDaysAgo")]
    public void Load_AFileWithAMistake_NamesTheFileAndTheField(string right, string wrong, string expected)
    {
        Write("07-broken.md", Posting(Header.Replace(right, wrong, StringComparison.Ordinal)));
        var error = Assert.Throws<InvalidDataException>(() => SamplePostings.Load(directory));
        Assert.Contains("postings/07-broken.md", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ABudgetWithoutCurrency_OrNoHeader_IsRefused()
    {
        Write("01-budget.md", Posting(Header, budget: "\"budget\": 1000,"));
        Assert.Contains("\"budget\" and \"currency\" go together", Assert.Throws<InvalidDataException>(() => SamplePostings.Load(directory)).Message, StringComparison.Ordinal);
        File.Delete(Path.Combine(directory, "postings", "01-budget.md"));
        Write("02-plain.md", "## What is needed\n\nNo header.\n");
        Assert.Contains("postings/02-plain.md: it must start with a JSON header", Assert.Throws<InvalidDataException>(() => SamplePostings.Load(directory)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadParticipants_AnAccountOutsideTheTestDomain_IsRefusedWithItsEntry()
    {
        File.WriteAllText(Path.Combine(directory, "participants.json"), """
            {
              "organisations": [{ "code": "isu", "name": "ISU", "kind": "InternationalOrganisation", "mayPublish": true }],
              "accounts": [
                { "email": "coordinator@isu.sample.test", "name": "C", "participant": "isu", "role": "Coordinator", "position": "P" },
                { "email": "someone@example.org", "name": "S", "participant": "LAO", "role": "FocalPoint", "position": "P" }
              ]
            }
            """);
        var error = Assert.Throws<InvalidDataException>(() => SampleData.Load(directory));
        Assert.Contains("participants.json: accounts[1] has the address \"someone@example.org\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_FilesLoad_WithEveryAccountUnderTest()
    {
        Assert.Equal(40, SamplePostings.All.Count);
        Assert.Equal(8, SampleData.Accounts.Count);
        Assert.All(SamplePostings.All, p => Assert.StartsWith("postings/", p.Source, StringComparison.Ordinal));
    }

    private static string Posting(string header, string budget = "") =>
        "---\n{\n" + (budget.Length > 0 ? budget + "\n" : "") + header + "\n}\n---\n\n## What is needed\n\nTraining.\n";

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(directory, "postings", name), text);
}
