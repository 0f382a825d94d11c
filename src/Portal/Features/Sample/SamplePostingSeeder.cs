using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Features.Sample;

/// <summary>
/// Publishes <see cref="SamplePostings.All"/> (the files under Data/Seed/sample/postings) once, as version 1 by the
/// owner's sample focal point (the coordinator for the ISU), dated as if published over the past months. Every row is
/// marked as sample.
/// </summary>
public sealed class SamplePostingSeeder(PortalDbContext db, TimeProvider time)
{
    public async Task<int> EnsureAsync()
    {
        if (await db.Postings.AnyAsync(p => p.IsSample))
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var participants = await db.Participants.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal);
        var authors = await db.Users.Where(u => u.Role == PortalRole.FocalPoint || u.Role == PortalRole.Coordinator)
            .Select(u => new { u.Id, u.FullName, u.Email, u.ParticipantId }).ToListAsync();
        foreach (var sample in SamplePostings.All)
        {
            var owner = participants.GetValueOrDefault(sample.ParticipantCode)
                ?? throw SampleSeed.Invalid(sample.Source, $"\"participant\" is \"{sample.ParticipantCode}\", which is neither a State nor a sample organisation.");
            var author = authors.FirstOrDefault(a => a.ParticipantId == owner.Id)
                ?? throw SampleSeed.Invalid(sample.Source, $"\"{sample.ParticipantCode}\" has no sample focal point or coordinator to publish it (participants.json).");
            var unknown = sample.Countries.FirstOrDefault(c => !participants.TryGetValue(c, out var country) || country.Kind != ParticipantKind.State);
            if (unknown is not null)
            {
                throw SampleSeed.Invalid(sample.Source, $"\"countries\" holds \"{unknown}\", which is not the code of a State in states.csv.");
            }

            var publishedAt = now.AddDays(-sample.PublishedDaysAgo);
            var posting = new Posting
            {
                ParticipantId = owner.Id,
                Kind = sample.Kind,
                Title = sample.Title,
                Summary = sample.Summary,
                Body = sample.Body,
                Areas = sample.Areas,
                AssistanceTypes = sample.AssistanceTypes,
                ChosenRegions = sample.ChosenRegions,
                Regions = M49Regions.Concerned(sample.ChosenRegions, sample.Countries.Select(c => (participants[c].Region, participants[c].Subregion))),
                Countries = [.. sample.Countries.Select(c => new PostingCountry { CountryCode = c })],
                Budget = sample.Budget,
                Currency = sample.Currency,
                Period = sample.Period,
                ApplicationDeadline = sample.ApplicationDeadlineInDays is { } days ? OfferDeadline.Today(now).AddDays(days) : null,
                ContactPoint = sample.ContactPoint,
                Visibility = sample.Visibility,
                CreatedAt = publishedAt,
                ValidUntil = publishedAt.AddDays(sample.ValidForDays),
                IsSample = true,
            };
            posting.AppendVersion(owner.Code, author.Id, $"{author.FullName} <{author.Email}>", onBehalf: false, publishedAt);
            db.Postings.Add(posting);
        }

        await db.SaveChangesAsync();
        return SamplePostings.All.Count;
    }
}
