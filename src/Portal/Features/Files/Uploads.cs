using System.Globalization;

namespace Portal.Features.Files;

/// <summary>How large an uploaded file may be, and reading one from a form with the reason when it cannot be taken.</summary>
public static class Uploads
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>
    /// How large a request to an upload page may be: well over a file's limit, so that a file that is too large is read
    /// and refused with its own message on the form (Infrastructure/Forms/FormReading). Only a larger request is cut
    /// off, with the error page's 413.
    /// </summary>
    public const long MaxUploadRequestBytes = 4 * MaxFileBytes;

    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    /// <summary>Null when the file is within the limit; otherwise the sentence that says so.</summary>
    /// <param name="shownName">The file as the sentence names it: “name.pdf” in quotes, or "The file".</param>
    /// <param name="length">The file's size in bytes.</param>
    public static string? SizeProblem(string shownName, long length) => length <= MaxFileBytes
        ? null
        : $"{shownName} is {Describe(length)}; a file can be at most {Describe(MaxFileBytes)}. Compress it or split it.";

    /// <summary>The file's bytes, or why there are none: no file chosen, an empty file, or one over the limit.</summary>
    /// <param name="file">The form's file, null when none was chosen.</param>
    /// <param name="whenMissing">What to ask when no file was chosen, e.g. "Choose a file to attach."</param>
    public static async Task<(byte[]? Content, string? Problem)> ReadAsync(IFormFile? file, string whenMissing)
    {
        if (file is null)
        {
            return (null, whenMissing);
        }

        var shownName = $"“{Path.GetFileName(file.FileName)}”";
        if (file.Length == 0)
        {
            return (null, $"{shownName} is empty.");
        }

        if (SizeProblem(shownName, file.Length) is { } problem)
        {
            return (null, problem);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        return (buffer.ToArray(), null);
    }
}
