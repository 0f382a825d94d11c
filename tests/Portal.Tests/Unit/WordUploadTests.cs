using System.Text;
using Microsoft.AspNetCore.Http;
using Portal.Features.WordImport;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>A file that is no Word document is refused with a sentence that says what to send instead.</summary>
public class WordUploadTests
{
    public static TheoryData<string, DocxTarget, string> Refused => new()
    {
        { "pdf", DocxTarget.Posting, "“Need.pdf” is a PDF, and a PDF’s text cannot be imported word for word. Ask whoever wrote it for the Word document (.docx) the PDF was made from and import that; if there is none, the text can be written in the portal’s Word template, at the foot of this page." },
        { "pdf", DocxTarget.Contribution, "“Need.pdf” is a PDF, and a PDF’s text cannot be imported word for word. Ask whoever wrote it for the Word document (.docx) the PDF was made from and import that." },
        { "xlsx", DocxTarget.Posting, "“Need.xlsx” is an Excel workbook, not a Word document. Only the text of a Word document (.docx) can be imported: copy the text into Word, or into the portal’s Word template at the foot of this page, save it as .docx and import that." },
        { "rtf", DocxTarget.Posting, "“Need.rtf” is not a Word document. Only the text of a Word document (.docx) can be imported: open the file in Word and save it as a Word Document (.docx), or write the text in the portal’s Word template at the foot of this page, and import that." },
        { "rtf", DocxTarget.Contribution, "“Need.rtf” is not a Word document. Only the text of a Word document (.docx) can be imported: open the file in Word, save it as a Word Document (.docx) and import that." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ReadAsync_AnotherKindOfFile_SaysWhatToSendInstead(string kind, DocxTarget target, string message)
    {
        var content = kind switch
        {
            "pdf" => SampleFiles.Pdf(),
            "xlsx" => SampleFiles.Xlsx(),
            _ => Encoding.ASCII.GetBytes(@"{\rtf1\ansi Clearance of the northern districts.}"),
        };
        var file = new FormFile(new MemoryStream(content), 0, content.Length, "Input.Document", $"Need.{kind}");

        var (upload, problem, _) = await WordUpload.ReadAsync(file, target);

        Assert.Null(upload);
        Assert.Equal(message, problem);
    }
}
