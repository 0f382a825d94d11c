using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The portal's Word template filled in as a State would in Word, with the Open XML SDK: a value typed into the empty
/// right-hand cell of each row named (a line break in a value is a new paragraph of the cell), and text typed on the
/// empty line below each heading's guidance. The guidance itself is left in, as a State may leave it.
/// </summary>
public static class FilledTemplate
{
    public static byte[] Fill(byte[] template, IReadOnlyDictionary<string, string> rows, IReadOnlyDictionary<string, string> sections)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sections);
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            foreach (var row in body.Elements<Table>().First().Elements<TableRow>())
            {
                var cells = row.Elements<TableCell>().ToList();
                if (rows.TryGetValue(cells[0].InnerText, out var value))
                {
                    cells[1].RemoveAllChildren<Paragraph>();
                    cells[1].Append(value.Split('\n').Select(line => new Paragraph(new Run(new Text(line)))));
                }
            }

            var paragraphs = body.Elements<Paragraph>().ToList();
            foreach (var (heading, text) in sections)
            {
                var at = paragraphs.FindIndex(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2" && p.InnerText == heading);
                Assert.True(at >= 0, $"The template has no heading “{heading}”.");
                // The heading, its guidance, then the empty line to write on.
                var line = paragraphs[at + 2];
                Assert.Equal("", line.InnerText);
                line.Append(new Run(new Text(text)));
            }
        }

        return stream.ToArray();
    }
}
