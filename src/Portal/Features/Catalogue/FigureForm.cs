namespace Portal.Features.Catalogue;

/// <summary>What the focal point chooses and types for a new picture of a contribution; checked by <see cref="ContributionFigures.AddAsync"/>.</summary>
public sealed class FigureForm
{
    public IFormFile? Upload { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    public string? AltText { get; set; }
}
