using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Files;

namespace Portal.Features.Catalogue;

/// <summary>
/// Adding, removing and ordering the pictures of a contribution. Each command checks that the visitor may edit the
/// contribution now (<see cref="CatalogueVisitor.MayEdit"/>), whatever the page showed. A picture is kept only as
/// <see cref="Photographs"/> re-encoded it, at print and web size, never as uploaded. Every change is a change to what
/// the book prints, so the page count laid out before is dropped, as when the text is saved.
/// </summary>
public sealed class ContributionFigures(PortalDbContext db, CatalogueVisitors visitors, AuditLog audit, TimeProvider time)
{
    private const string Prefix = "Input";

    /// <summary>
    /// Checks the form, re-encodes the picture and adds it after the others; or adds the reasons it cannot be taken to
    /// <c>errors</c> (keys <c>Input.Upload</c>, <c>Input.Caption</c>, …) and stores nothing. The contribution is the
    /// tracked one <see cref="ContributionCommands.FindAsync"/> gives, with its figures.
    /// </summary>
    public async Task<ContributionFigure?> AddAsync(Contribution contribution, FigureForm form, ModelStateDictionary errors)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        await RequireEditAsync(contribution);
        void Fail(string field, string message) => errors.AddModelError($"{Prefix}.{field}", message);
        if (contribution.Figures.Count >= ContributionLimits.Figures)
        {
            Fail(nameof(FigureForm.Upload), $"The contribution already has {ContributionLimits.Figures} pictures, the most it can have. Remove one before you add another.");
            return null;
        }

        var before = errors.ErrorCount;
        var caption = Required(form.Caption, ContributionLimits.Caption, "Enter a caption that says what the picture shows.", "The caption", nameof(FigureForm.Caption), Fail);
        var credit = Required(form.Credit, ContributionLimits.Credit, "Enter the credit: who took the photograph or made the graphic.", "The credit", nameof(FigureForm.Credit), Fail);
        var altText = Required(form.AltText, ContributionLimits.AltText, "Enter a description of the picture for readers who cannot see it.", "The description", nameof(FigureForm.AltText), Fail);

        // The picture is read and checked even when a text field is missing, so that every problem is told at once.
        var (content, problem) = await Uploads.ReadAsync(form.Upload, "Choose a photograph or graphic to add.");
        var result = content is null ? null : Photographs.Process(content, form.Upload!.FileName);
        if ((problem ?? result?.Error) is { } refused)
        {
            Fail(nameof(FigureForm.Upload), refused);
        }

        if (errors.ErrorCount > before || result?.Photo is not { } photo)
        {
            return null;
        }

        var figure = new ContributionFigure
        {
            ContributionId = contribution.Id,
            Position = contribution.Figures.Count,
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
        contribution.Figures.Add(figure);
        ContributionCommands.MarkChanged(contribution, time.GetUtcNow());
        audit.Write(AuditEvent.FigureAdded, Target(contribution), $"{caption} ({figure.Sha256})");
        return await SavedAsync(errors) ? figure : null;
    }

    /// <summary>Removes the picture with its images; false when it is not one of this contribution's (or was not saved, with the reason in <paramref name="errors"/>).</summary>
    public async Task<bool> RemoveAsync(Contribution contribution, int figureId, ModelStateDictionary errors)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(errors);
        await RequireEditAsync(contribution);
        if (contribution.Figures.SingleOrDefault(f => f.Id == figureId) is not { } figure)
        {
            return false;
        }

        // The image row goes with it (cascade); the others close the gap, so that "picture 3" stays the third.
        db.ContributionFigures.Remove(figure);
        Renumber(contribution.Figures.Where(f => f != figure).OrderBy(f => f.Position));
        ContributionCommands.MarkChanged(contribution, time.GetUtcNow());
        audit.Write(AuditEvent.FigureRemoved, Target(contribution), $"{figure.Caption} ({figure.Sha256})");
        return await SavedAsync(errors);
    }

    /// <summary>Swaps the picture with the one before (<paramref name="up"/>) or after it; false when there is none, or it is not this contribution's.</summary>
    public async Task<bool> MoveAsync(Contribution contribution, int figureId, bool up, ModelStateDictionary errors)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(errors);
        await RequireEditAsync(contribution);
        var order = contribution.Figures.OrderBy(f => f.Position).ToList();
        var index = order.FindIndex(f => f.Id == figureId);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= order.Count)
        {
            return false;
        }

        (order[index], order[other]) = (order[other], order[index]);
        Renumber(order);
        ContributionCommands.MarkChanged(contribution, time.GetUtcNow());
        return await SavedAsync(errors);
    }

    private async Task RequireEditAsync(Contribution contribution)
    {
        if (!await visitors.MayEditAsync(contribution))
        {
            throw new UnauthorizedAccessException("The pictures of this contribution cannot be changed by this visitor now.");
        }
    }

    // The contribution's version guards the limit and the order: of two changes made at the same moment from the same
    // list, the second finds the version moved on and is not saved (a thirteenth picture cannot slip in).
    private async Task<bool> SavedAsync(ModelStateDictionary errors)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            errors.AddModelError("", "Someone changed this contribution at the same moment, so your change was not saved. Check its pictures below and try again.");
            return false;
        }
    }

    private static void Renumber(IEnumerable<ContributionFigure> inOrder)
    {
        var position = 0;
        foreach (var figure in inOrder)
        {
            figure.Position = position++;
        }
    }

    private static string Required(string? value, int max, string whenEmpty, string what, string field, Action<string, string> fail)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            fail(field, whenEmpty);
        }
        else if (text.Length > max)
        {
            fail(field, $"{what} is {text.Length} characters long; keep it to {max}.");
        }

        return text;
    }

    private static string Target(Contribution contribution) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"contribution:{contribution.Id}");
}
