using System.Globalization;
using System.Text;
using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>How builds and their files are named on pages and in downloads.</summary>
public static class BuildLabels
{
    public static string Edition(bool forObservers) => forObservers ? "Edition for observers" : "Edition for States";

    public static string Audience(bool forObservers) => forObservers
        ? "For observers as well as States: leaves out what contributors marked \u201cStates only\u201d."
        : "For the States' accounts, the coordinator and the editors.";

    public static string Status(BuildStatus status) => status switch
    {
        BuildStatus.Queued => "Waiting",
        BuildStatus.Running => "Building",
        BuildStatus.Succeeded => "Ready",
        BuildStatus.Failed => "Failed",
        BuildStatus.FilesRemoved => "Files removed",
        _ => status.ToString(),
    };

    /// <summary>Why a build of one's own list has no files any more, and what to do.</summary>
    public static string FilesRemoved(CatalogueBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return build.FilesRemovedAt is { } at
            ? $"The files of this build were removed on {Time(at)} to save room, since newer builds of this edition were made; its record and the fingerprints of its files are kept. Build the edition again to have its files."
            : "The files of this build were removed to save room, since newer builds of this edition were made; its record and the fingerprints of its files are kept. Build the edition again to have its files.";
    }

    public static string Format(BuildFileKind kind) => kind switch
    {
        BuildFileKind.Pdf => "PDF, A4, for print",
        BuildFileKind.Epub => "EPUB 3, for e-readers",
        BuildFileKind.Html => "One HTML file, to read offline in a browser",
        _ => kind.ToString(),
    };

    /// <summary>The name a download is saved under: the call's title in plain letters, the edition and the build.</summary>
    public static string FileName(CatalogueCall call, CatalogueBuild build, BuildFileKind kind)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(build);
        var slug = new StringBuilder();
        foreach (var c in call.Title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        name = name.Length == 0 ? "catalogue" : name[..Math.Min(name.Length, 60)].TrimEnd('-');
        var extension = kind switch { BuildFileKind.Pdf => "pdf", BuildFileKind.Epub => "epub", _ => "html" };
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}-{(build.ForObservers ? "observers" : "states")}-build-{build.Id}.{extension}");
    }

    public static string ContentType(BuildFileKind kind) => kind switch
    {
        BuildFileKind.Pdf => "application/pdf",
        BuildFileKind.Epub => Book.EpubBook.MediaType,
        _ => "text/html",
    };

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(span.TotalSeconds))} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s");
}
