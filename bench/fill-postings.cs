// Fills a portal database with N published postings of realistic length, for bench/postings.sh.
// Bodies are made from the sample postings' paragraphs, reshuffled and varied, so that words, lengths and
// Markdown look like real postings. Run: dotnet run bench/fill-postings.cs -- "Data Source=FILE" 100000
#:project ../src/Portal/Portal.csproj
#:property PublishAot=false
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;
using Portal.Features.Sample;

var connection = args.Length > 0 ? args[0] : throw new ArgumentException("Give a SQLite connection string.");
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var random = new Random(20261123);
var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connection).Options;

await using (var setup = new SqlitePortalDbContext(options))
{
    await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    // Statistics taken when the tables were nearly empty make SQLite plan the bulk load's lookups as scans
    // (each batch slower than the last); forget them now, take them again at the end.
    await setup.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS sqlite_stat1; DROP TABLE IF EXISTS sqlite_stat4;");
    // Bulk load: no incremental merging of the full-text index while filling; one merge at the end.
    await setup.Database.ExecuteSqlRawAsync("INSERT INTO \"PostingSearch\"(\"PostingSearch\", rank) VALUES ('automerge', 0);");
}

List<(int Id, string Code, string? Region)> states;
string authorId;
await using (var db = new SqlitePortalDbContext(options))
{
    states = [.. (await db.Participants.Where(p => p.Kind == ParticipantKind.State).Select(p => new { p.Id, p.Code, p.Region }).ToListAsync())
        .Select(p => (p.Id, p.Code, p.Region))];
    authorId = await db.Users.Where(u => u.Role == PortalRole.FocalPoint).Select(u => u.Id).FirstAsync();
}

var paragraphs = SamplePostings.All.SelectMany(s => s.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)).ToArray();
var words = paragraphs.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.All(char.IsLetter)).Distinct().ToArray();
var now = DateTimeOffset.UtcNow;
var watch = Stopwatch.StartNew();
const int Batch = 2000;
for (var done = 0; done < count; done += Batch)
{
    await using var db = new SqlitePortalDbContext(options);
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    await db.Database.OpenConnectionAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;");
    for (var i = done; i < Math.Min(count, done + Batch); i++)
    {
        var sample = SamplePostings.All[random.Next(SamplePostings.All.Count)];
        var owner = states[random.Next(states.Count)];
        var country = states[random.Next(states.Count)];
        var body = string.Join("\n\n", Enumerable.Range(0, random.Next(6, 16)).Select(_ => Vary(paragraphs[random.Next(paragraphs.Length)])));
        var publishedAt = now.AddDays(-random.Next(0, 600)).AddMinutes(-random.Next(0, 1440));
        var posting = new Posting
        {
            ParticipantId = owner.Id,
            Kind = sample.Kind,
            Title = $"{Vary(sample.Title)} ({i})",
            Summary = Vary(sample.Summary),
            Body = body,
            Areas = sample.Areas,
            AssistanceTypes = sample.AssistanceTypes,
            Countries = [new PostingCountry { CountryCode = country.Code }],
            Regions = PostingLabels.RegionOf(country.Region),
            Budget = sample.Budget,
            Currency = sample.Currency,
            Period = sample.Period,
            ContactPoint = sample.ContactPoint,
            Visibility = sample.Visibility,
            CreatedAt = publishedAt,
            ValidUntil = now.AddDays(random.Next(1, 700)),
            IsSample = true,
        };
        posting.AppendVersion(owner.Code, authorId, "Benchmark <bench@sample.test>", onBehalf: false, publishedAt);
        db.Postings.Add(posting);
    }

    await db.SaveChangesAsync();
    // Keep the planner's statistics in step with the growing tables (sampled: milliseconds).
    await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;");
    Console.Write($"\r{Math.Min(count, done + Batch):N0} postings, {watch.Elapsed.TotalSeconds:0} s");
}

Console.WriteLine();
await using (var finish = new SqlitePortalDbContext(options))
{
    finish.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
    await finish.Database.ExecuteSqlRawAsync("INSERT INTO \"PostingSearch\"(\"PostingSearch\") VALUES ('optimize');");
    await finish.Database.ExecuteSqlRawAsync("INSERT INTO \"PostingSearch\"(\"PostingSearch\", rank) VALUES ('automerge', 4);");
    await finish.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;");
}

Console.WriteLine($"Full-text index merged: {watch.Elapsed.TotalSeconds:0} s in all");
return;

// Swaps a few words for others from the same vocabulary: no two postings are the same text.
string Vary(string text)
{
    var parts = text.Split(' ');
    for (var n = 0; n < Math.Max(1, parts.Length / 12); n++)
    {
        var at = random.Next(parts.Length);
        if (parts[at].All(char.IsLetter))
        {
            parts[at] = words[random.Next(words.Length)];
        }
    }

    return string.Join(' ', parts);
}
