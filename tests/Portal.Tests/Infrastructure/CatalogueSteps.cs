using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>Calls and contributions made directly in the database, for tests about what comes after (the forms have their own tests).</summary>
public static class CatalogueSteps
{
    public static Task<CatalogueCall> CreateCallAsync(
        PortalFactory factory, DateOnly opensOn, DateOnly deadline, string timeZone = "Europe/Zurich", int pageLimit = 10,
        CallStatus status = CallStatus.Published)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(async db =>
        {
            var call = new CatalogueCall
            {
                Title = "Good practices in cooperation and assistance",
                Instructions = "## What to write\n\nOne cooperation project per contribution.",
                OpensOn = opensOn,
                Deadline = deadline,
                TimeZone = timeZone,
                PageLimit = pageLimit,
                TargetPublication = deadline.AddMonths(2),
                ContactPersons = "María Antonieta Jáquez, Mission of Mexico (mjaquez@example.test)",
                Status = status,
                CreatedAt = factory.Time.GetUtcNow(),
            };
            db.CatalogueCalls.Add(call);
            await db.SaveChangesAsync();
            return call;
        });
    }

    /// <summary>A contribution with a title only, started by <paramref name="author"/> for their participant.</summary>
    public static Task<int> CreateContributionAsync(
        PortalFactory factory, int callId, TestAccount author, ContributionStatus status = ContributionStatus.Draft, string title = "Clearance of cluster munition remnants in Quảng Trị")
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(author);
        return factory.WithDbAsync(async db =>
        {
            var now = factory.Time.GetUtcNow();
            var contribution = new Contribution
            {
                CallId = callId,
                ParticipantId = author.ParticipantId,
                Title = title,
                Status = status,
                CreatedBy = await db.Users.Where(u => u.Email == author.Email).Select(u => u.Id).SingleAsync(),
                CreatedAt = now,
                UpdatedAt = now,
                SubmittedAt = status == ContributionStatus.Draft ? null : now,
            };
            db.Contributions.Add(contribution);
            await db.SaveChangesAsync();
            return contribution.Id;
        });
    }

    /// <summary>The form's fields for a contribution complete enough to submit.</summary>
    public static Dictionary<string, string> CompleteFields(string title = "Clearance of cluster munition remnants in Quảng Trị") => new()
    {
        ["Input.Title"] = title,
        ["Input.Role"] = nameof(CooperationRole.Recipient),
        ["Input.Period"] = "2009–2012",
        ["Input.Body"] = "## Context\n\nThe province was heavily contaminated after the war.\n\n## What was done\n\nTeams cleared 1,200 hectares.\n\n## Results\n\nFarmland returned to use.\n\n## Lessons learned\n\nWork with the communities from the start.",
        ["Input.Authors[0].Name"] = "Ana Silva",
        ["Input.Authors[0].Function"] = "Programme officer",
        ["Input.Authors[0].Organisation"] = "Mine Action Centre",
        ["Input.Consent"] = "true",
    };

    public static Dictionary<string, string[]> CompleteLists() => new()
    {
        ["Input.Provisions"] = [nameof(CcmProvisions.Article4)],
        ["Input.Modalities"] = [nameof(CooperationModalities.Bilateral)],
    };

    /// <summary>
    /// A complete contribution of the participant (one author, one testimonial with consent), as its focal point
    /// <paramref name="submittedBy"/> submitted it; accepted ones are in the chapter group "Article 4".
    /// </summary>
    public static Task<Contribution> CreateContributionAsync(
        PortalFactory factory, CatalogueCall call, TestAccount submittedBy, ContributionStatus status,
        string title = "Clearance of cluster munition remnants in Quảng Trị", string? body = null,
        string quote = "Our children walk to school through the fields again.")
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(submittedBy);
        return factory.WithDbAsync(async db =>
        {
            var now = factory.Time.GetUtcNow();
            var userId = await db.Users.Where(u => u.Email == submittedBy.Email).Select(u => u.Id).SingleAsync();
            var contribution = new Contribution
            {
                CallId = call.Id,
                ParticipantId = submittedBy.ParticipantId,
                Title = title,
                Provisions = CcmProvisions.Article4,
                Role = CooperationRole.Recipient,
                Modalities = CooperationModalities.Bilateral,
                Period = "2009–2012",
                Body = body ?? CompleteFields()["Input.Body"],
                Consent = true,
                Status = status,
                ChapterGroup = status == ContributionStatus.Accepted ? "Article 4" : null,
                ChapterOrder = 1,
                CreatedBy = userId,
                CreatedAt = now,
                UpdatedAt = now,
                SubmittedAt = status == ContributionStatus.Draft ? null : now,
                SubmittedBy = status == ContributionStatus.Draft ? null : userId,
                Authors = [new ContributionAuthor { Position = 0, Name = "Ana Silva", Function = "Programme officer", Organisation = "Mine Action Centre" }],
                Testimonials = [new ContributionTestimonial { Position = 0, Quote = quote, Person = "Bounmy", Role = "Farmer", Place = "Xieng Khouang", Consent = true }],
            };
            db.Contributions.Add(contribution);
            await db.SaveChangesAsync();
            return contribution;
        });
    }

    private static readonly Lazy<Portal.Features.Files.ProcessedPhoto> SamplePhoto =
        new(() => Portal.Features.Files.Photographs.Process(SamplePhotos.Jpeg(1200, 900), "sample.jpg").Photo!);

    /// <summary>A picture as an upload stores it (a re-encoded sample photograph), not yet added to a contribution.</summary>
    public static ContributionFigure Figure(string caption, string credit, string altText, int position = 0)
    {
        var photo = SamplePhoto.Value;
        return new ContributionFigure
        {
            Position = position,
            Caption = caption,
            Credit = credit,
            AltText = altText,
            PrintWidth = photo.Print.Width,
            PrintHeight = photo.Print.Height,
            WebWidth = photo.Web.Width,
            WebHeight = photo.Web.Height,
            Sha256 = photo.Print.Sha256,
            Image = new FigureImage { PrintJpeg = photo.Print.Jpeg, WebJpeg = photo.Web.Jpeg },
        };
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
