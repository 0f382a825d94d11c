
using Portal.Features.EntryCodes;

namespace Portal.Tests.Unit;

public class EntryCodeFormatTests
{
    [Fact]
    public void Generate_HasAtLeast60BitsInFourGroupsOfFour()
    {
        var code = EntryCodeFormat.Generate();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", code);
        // 16 symbols of a 32-symbol alphabet.
        Assert.True(EntryCodeFormat.Length * Math.Log2(32) >= 60);
    }

    [Fact]
    public void Generate_UsesEverySymbolAboutEvenly()
    {
        // 32,000 symbols: each of the 32 should appear about 1,000 times; a biased or tiny generator would not.
        var counts = Enumerable.Range(0, 2000).SelectMany(_ => EntryCodeFormat.Generate().Replace("-", "", StringComparison.Ordinal))
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(32, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 850, 1150));
    }

    [Fact]
    public void Generate_NeverRepeatsInPractice()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => EntryCodeFormat.Generate()).ToHashSet();
        Assert.Equal(2000, codes.Count);
    }

    [Theory]
    [InlineData("7kqm-3xtr-9hpw-c4dn", "7KQM3XTR9HPWC4DN")]
    [InlineData(" 7KQM 3XTR 9HPW C4DN ", "7KQM3XTR9HPWC4DN")]
    [InlineData("OKQM-3XTR-9HPW-C4DI", "0KQM3XTR9HPWC4D1")]
    [InlineData("LLLL-0000-1111-2222", "1111000011112222")]
    public void Normalize_ForgivesCaseSpacingAndLookAlikes(string input, string expected) =>
        Assert.Equal(expected, EntryCodeFormat.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("7KQM-3XTR-9HPW")]
    [InlineData("7KQM-3XTR-9HPW-C4DN-X")]
    [InlineData("7KQM-3XTR-9HPW-C4D!")]
    [InlineData("7KQM-3XTR-9HPW-C4DU")]
    public void Normalize_RejectsWhatCannotBeACode(string input) => Assert.Null(EntryCodeFormat.Normalize(input));

    [Fact]
    public void Hash_IsSaltedAndVerifies()
    {
        var code = EntryCodeFormat.Normalize(EntryCodeFormat.Generate())!;
        var first = EntryCodeFormat.Hash(code);
        Assert.NotEqual(first, EntryCodeFormat.Hash(code));
        Assert.DoesNotContain(code, first, StringComparison.Ordinal);
        Assert.True(EntryCodeFormat.Verify(code, first));
        Assert.False(EntryCodeFormat.Verify(EntryCodeFormat.Normalize(EntryCodeFormat.Generate())!, first));
    }
}
