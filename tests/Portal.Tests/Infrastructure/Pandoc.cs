using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Word documents written by pandoc (Debian's package, which test.sh installs), a writer independent of the portal's
/// code: footnotes, quotations ("Block Text"), tracked insertions and deletions, comments.
/// </summary>
public static class Pandoc
{
    /// <summary>The .docx pandoc writes for <paramref name="markdown"/> (pandoc's Markdown, its span attributes included).</summary>
    public static byte[] Docx(string markdown)
    {
        var directory = Directory.CreateTempSubdirectory("pandoc-");
        try
        {
            var output = Path.Combine(directory.FullName, "out.docx");
            var start = new ProcessStartInfo("pandoc", ["-f", "markdown", "-t", "docx", "-o", output])
            {
                RedirectStandardInput = true,
                RedirectStandardError = true,
            };
            using var pandoc = Process.Start(start) ?? throw new InvalidOperationException("pandoc did not start.");
            pandoc.StandardInput.Write(markdown);
            pandoc.StandardInput.Close();
            var errors = pandoc.StandardError.ReadToEnd();
            pandoc.WaitForExit();
            return pandoc.ExitCode == 0 ? File.ReadAllBytes(output) : throw new InvalidOperationException($"pandoc failed: {errors}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
