namespace Portal.Features.WordImport;

/// <summary>What an import did with a Word document's content, in words.</summary>
public sealed class DocxReport
{
    /// <summary>The longest report kept with a draft or version.</summary>
    public const int MaxLength = 2000;
}
