using System.Text;
using Portal.Infrastructure.Forms;

namespace Portal.Tests.Unit;

public sealed class NulFreeFormStreamTests
{
    [Theory]
    [InlineData("a=hel%00lo&b=1", "a=hel%EF%BF%BDlo&b=1")]
    [InlineData("a=\0", "a=%EF%BF%BD")]
    [InlineData("%00%00", "%EF%BF%BD%EF%BF%BD")]
    [InlineData("a=100%25&b=%2500", "a=100%25&b=%2500")]
    [InlineData("a=%0A%01%0", "a=%0A%01%0")]
    [InlineData("a=%", "a=%")]
    [InlineData("a=%%00", "a=%%EF%BF%BD")]
    [InlineData("", "")]
    public async Task EveryNul_ReadsAsTheEscapeOfTheReplacementCharacter_HoweverTheBodyArrives(string body, string expected)
    {
        foreach (var chunk in new[] { 1, 2, 3, 7, 64 * 1024 })
        {
            using var inner = new TrickleStream(Encoding.ASCII.GetBytes(body), chunk);
            using var stream = new NulFreeFormStream(inner);
            using var read = new MemoryStream();
            var buffer = new byte[chunk];
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                read.Write(buffer, 0, n);
            }

            Assert.Equal(expected, Encoding.ASCII.GetString(read.ToArray()));
        }
    }

    [Fact]
    public void ALongBodyFullOfNuls_IsTranslatedWhole()
    {
        var body = new byte[100_000];
        using var stream = new NulFreeFormStream(new MemoryStream(body));
        using var read = new MemoryStream();
        stream.CopyTo(read);
        Assert.Equal(string.Concat(Enumerable.Repeat("%EF%BF%BD", body.Length)), Encoding.ASCII.GetString(read.ToArray()));
    }

    /// <summary>A body that arrives a few bytes at a time, as it does over a slow connection.</summary>
    private sealed class TrickleStream(byte[] content, int chunk) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
