using AngleSharp.Html.Parser;
using Portal.Features.Catalogue.Book;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>A joint chapter (two accounts of one project) keeps both author lines and both participants.</summary>
public class JointChapterMarkupTests
{
    [Fact]
    public void Render_JointChapter_NamesBothParticipantsUnderItsTitle_AndEachAccountUnderItsParticipantWithItsAuthors()
    {
        var recipient = SampleBook.Chapter(3, "Prosthetics close to home", "Lebanon", figures: 1);
        var donor = SampleBook.Chapter(6, "Funding a prosthetics workshop in the south", "Norway", figures: 1);
        var chapter = recipient with { Joined = [donor] };

        var document = new HtmlParser().ParseDocument(ChapterMarkup.Render(chapter, f => f.Key + ".jpg", chapterHeading: 2));

        var section = Assert.Single(document.QuerySelectorAll("section.chapter"));
        Assert.Equal("c-3", section.Id);
        Assert.Equal("Prosthetics close to home", section.QuerySelector("h2.chapter-title")!.TextContent);
        Assert.Equal("Contributed jointly by Lebanon and Norway.", section.QuerySelector("p.participants")!.TextContent);
        var accounts = section.QuerySelectorAll("section.contribution");
        Assert.Equal(2, accounts.Length);
        Assert.Equal([null, "c-6"], accounts.Select(a => a.GetAttribute("id")));
        foreach (var (account, member) in accounts.Zip(new[] { recipient, donor }))
        {
            Assert.Equal(member.Participant, account.QuerySelector("h3.contribution-title")!.TextContent);
            Assert.Equal(ChapterMarkup.AuthorLine(member.Authors), account.QuerySelector("p.authors")!.TextContent);
            Assert.Null(account.QuerySelector("p.participant"));
            Assert.Equal(member.Figures.Select(f => f.Key + ".jpg"), account.QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
            Assert.Equal("H4", account.QuerySelector(".chapter-body h4, .chapter-body h3, .chapter-body h2")!.TagName);
        }
    }

    [Fact]
    public void Render_ChapterOfItsOwn_HasNoJointLineNorAccountSections()
    {
        var chapter = SampleBook.Chapter(1, "Survey before clearance", "Lao People's Democratic Republic", figures: 0);

        var document = new HtmlParser().ParseDocument(ChapterMarkup.Render(chapter, f => f.Key, chapterHeading: 2));

        Assert.Empty(document.QuerySelectorAll("section.contribution, p.participants"));
        Assert.Equal("Contributed by Lao People's Democratic Republic.", document.QuerySelector("p.participant")!.TextContent);
        Assert.Equal("H3", document.QuerySelector(".chapter-body h3, .chapter-body h2")!.TagName);
    }

    [Theory]
    [InlineData(new[] { "Lebanon" }, "Lebanon")]
    [InlineData(new[] { "Lebanon", "Norway" }, "Lebanon and Norway")]
    [InlineData(new[] { "Iraq", "Norway", "Lebanon" }, "Iraq, Norway and Lebanon")]
    [InlineData(new[] { "Iraq", "Iraq" }, "Iraq")]
    public void Names_ListsEachParticipantOnceInOrder(string[] names, string expected) =>
        Assert.Equal(expected, ChapterMarkup.Names(names));
}
