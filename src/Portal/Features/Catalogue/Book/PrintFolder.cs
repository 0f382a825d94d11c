namespace Portal.Features.Catalogue.Book;

/// <summary>
/// A private temporary folder holding one print document and its figures. The browser may read exactly the files
/// written here (<see cref="PrintBrowser"/> refuses every other request), and the folder is deleted on dispose.
/// </summary>
public sealed class PrintFolder : IDisposable
{
    public const string DocumentName = "print.html";

    private readonly HashSet<string> files = new(StringComparer.Ordinal);
    private int figureCount;

    private PrintFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>The document's address for the browser.</summary>
    public Uri Document => new(System.IO.Path.Combine(Path, DocumentName));

    /// <summary>Full paths of the files written, the only ones the browser may read.</summary>
    public IReadOnlySet<string> Files => files;

    public static PrintFolder Create()
    {
        // CreateTempSubdirectory makes the folder readable by its owner only (mode 700 on Linux).
        var directory = Directory.CreateTempSubdirectory("portal-print-");
        Directory.CreateDirectory(System.IO.Path.Combine(directory.FullName, "figures"));
        return new PrintFolder(directory.FullName);
    }

    /// <summary>Writes a figure under a name of our own (never one a contributor chose) and returns its relative address.</summary>
    public string AddFigure(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var name = $"figures/{++figureCount}.jpg";
        Write(name, jpeg);
        return name;
    }

    public void WriteDocument(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        Write(DocumentName, System.Text.Encoding.UTF8.GetBytes(html));
    }

    private void Write(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        File.WriteAllBytes(full, bytes);
        files.Add(full);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleaning; nothing in it is secret beyond the book itself.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
