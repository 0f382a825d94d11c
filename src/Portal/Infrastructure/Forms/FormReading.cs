using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Portal.Infrastructure.Forms;

/// <summary>
/// Reads every submitted form once, before the page sees it, so that what cannot be read is answered for what it is,
/// and a NUL character is treated the same whichever way the browser encoded the form.
/// <list type="bullet">
/// <item>NUL becomes U+FFFD, as CommonMark does: no text needs it and PostgreSQL cannot store it. ASP.NET Core refuses a
/// URL-encoded NUL outright (the whole form, and so what the person typed, would be lost) but passes one in a multipart
/// field, so the URL-encoded body is read through <see cref="NulFreeFormStream"/> and multipart fields are cleaned after.</item>
/// <item>A body over the endpoint's size limit answers 413, any other unreadable form 400, both on the error page; the
/// pages never see a half-read form. Upload pages accept bodies well over their file limit
/// (<see cref="Features.Files.Uploads.MaxUploadRequestBytes"/>), so that a file that is too large gets the form back
/// with its own message.</item>
/// </list>
/// The query string, which a GET form submits, is cleaned of NUL the same way.
/// Runs after authorisation, so a visitor who may not post to a page never has their body read.
/// </summary>
public static class FormReading
{
    public static IApplicationBuilder UsePortalFormReading(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            context.Features.Set<IQueryFeature>(new QueryFeature(new QueryCollection(WithoutNul(request.Query))));
        }

        // The error page, shown for a form that failed here, runs through this pipeline again: it must not read it again.
        if (!request.HasFormContentType || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        if (IsUrlEncoded(request))
        {
            request.Body = new NulFreeFormStream(request.Body);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            context.Response.StatusCode = e.StatusCode;
            return;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Malformed or cut-off multipart, too many fields, a field or boundary past the form limits.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (form.Any(f => f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
        {
            context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(WithoutNul(form), form.Files)));
        }

        await next(context);
    });

    // Keys are cleaned too; two keys that differ only there become one, with the values of both.
    private static Dictionary<string, StringValues> WithoutNul(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        values.GroupBy(f => f.Key.Replace('\0', '\uFFFD'), StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key, g => new StringValues([.. g.SelectMany(f => f.Value).Select(v => v?.Replace('\0', '\uFFFD'))]),
            StringComparer.OrdinalIgnoreCase);

    private static bool IsUrlEncoded(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>
/// A URL-encoded form body as sent, except that each NUL, raw or escaped as <c>%00</c>, reads as <c>%EF%BF%BD</c>
/// (U+FFFD in UTF-8). Streams: an escape split between two reads is completed by the next one.
/// </summary>
public sealed class NulFreeFormStream(Stream inner) : Stream
{
    private static readonly byte[] Replacement = "%EF%BF%BD"u8.ToArray();
    private readonly byte[] input = new byte[16 * 1024];
    private readonly byte[] output = new byte[16 * 1024 * 9];
    private int carried;
    private int outStart;
    private int outEnd;
    private bool ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (outStart == outEnd && !ended)
        {
            var read = await inner.ReadAsync(input.AsMemory(carried), cancellationToken);
            Translate(read);
        }

        return Take(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (outStart == outEnd && !ended)
        {
            Translate(inner.Read(input, carried, input.Length - carried));
        }

        return Take(buffer.AsSpan(offset, count));
    }

    /// <summary>Translates what is in <see cref="input"/>: the bytes carried from the last read and <paramref name="read"/> new ones.</summary>
    private void Translate(int read)
    {
        ended = read == 0;
        var length = carried + read;
        outStart = outEnd = 0;
        carried = 0;
        for (var i = 0; i < length; i++)
        {
            var b = input[i];
            if (b == (byte)'%' && !ended && i + 2 >= length)
            {
                // "%" or "%0" at the end of what has arrived: decide when the rest of the escape is here.
                carried = length - i;
                input.AsSpan(i, carried).CopyTo(input);
                break;
            }

            if (b == 0 || (b == (byte)'%' && i + 2 < length && input[i + 1] == (byte)'0' && input[i + 2] == (byte)'0'))
            {
                Replacement.CopyTo(output, outEnd);
                outEnd += Replacement.Length;
                i += b == 0 ? 0 : 2;
            }
            else
            {
                output[outEnd++] = b;
            }
        }
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, outEnd - outStart);
        output.AsSpan(outStart, count).CopyTo(buffer);
        outStart += count;
        return count;
    }

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
