using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Features.Sample;

/// <summary>
/// Publishes <see cref="SamplePostings.All"/> once, as version 1 by the owner's sample focal point (the coordinator for
/// the ISU), dated as if published over the past months. Every row is marked as sample.
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
            var owner = participants[sample.ParticipantCode];
            var author = authors.First(a => a.ParticipantId == owner.Id);
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
                Regions = sample.Countries.Aggregate(sample.ChosenRegions, (all, c) => all | PostingLabels.RegionOf(participants[c].Region)),
                Countries = [.. sample.Countries.Select(c => new PostingCountry { CountryCode = c })],
                Budget = sample.Budget,
                Currency = sample.Currency,
                Period = sample.Period,
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
        return SamplePostings.All.Length;
    }
}
