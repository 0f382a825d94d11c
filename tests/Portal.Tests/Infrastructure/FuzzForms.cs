using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The fields a page handler binds, found from the page's own descriptor (its bound properties and the handler's
/// parameters, walked down to simple values), and forms of wrong and hostile values for them, encoded as a scanner
/// sends them: invalid UTF-8 for a lone surrogate, a NUL as <c>%00</c>, keys repeated.
/// </summary>
public static class FuzzForms
{
    public sealed record Field(string Name, Type Type)
    {
        public bool IsFile => Type == typeof(IFormFile);
    }

    public enum Kind
    {
        /// <summary>Letters in numbers, impossible dates, 10,000-character strings, unknown enum values.</summary>
        WrongTypes,

        /// <summary>NUL, lone surrogates, markup and SQL in every field; numbers and dates at their extremes.</summary>
        HostileText,

        /// <summary>Every field twice, with different values.</summary>
        RepeatedKeys,
    }

    public static IReadOnlyList<Field> Fields(CompiledPageActionDescriptor page, HandlerMethodDescriptor? handler)
    {
        ArgumentNullException.ThrowIfNull(page);
        var fields = new List<Field>();
        foreach (var property in page.BoundProperties)
        {
            Expand(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, fields, 0);
        }

        foreach (var parameter in handler?.Parameters ?? [])
        {
            Expand(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, fields, 0);
        }

        return fields;
    }

    /// <summary>The values of one kind for these fields; a file field is left to the caller.</summary>
    public static List<KeyValuePair<string, string>> Values(IEnumerable<Field> fields, Kind kind)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var field in fields.Where(f => !f.IsFile))
        {
            var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
            switch (kind)
            {
                case Kind.WrongTypes:
                    values.Add(new(field.Name, WrongType(type)));
                    break;
                case Kind.HostileText:
                    values.Add(new(field.Name, Hostile(type)));
                    break;
                default:
                    values.Add(new(field.Name, "1"));
                    values.Add(new(field.Name, type == typeof(string) ? new string('y', 300) : "2"));
                    break;
            }
        }

        return values;
    }

    /// <summary>A URL-encoded body; a lone surrogate is sent as its three-byte (invalid) UTF-8 form, as a scanner does.</summary>
    public static ByteArrayContent UrlEncoded(IEnumerable<KeyValuePair<string, string>> values)
    {
        var body = string.Join("&", values.Select(v => Escape(v.Key) + "=" + Escape(v.Value)));
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return content;
    }

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length * 3);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                AppendBytes(result, Encoding.UTF8.GetBytes(text.Substring(i, 2)));
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                AppendBytes(result, [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                result.Append(c);
            }
            else
            {
                AppendBytes(result, Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return result.ToString();
    }

    private static void AppendBytes(StringBuilder result, byte[] bytes)
    {
        foreach (var b in bytes)
        {
            result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
    }

    private static string WrongType(Type type) =>
        type == typeof(string) ? new string('x', 10_000)
        : type == typeof(bool) ? "maybe"
        : type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ? "2026-02-30"
        : type.IsEnum ? "999999"
        : type == typeof(Guid) ? "not-a-guid"
        : "abc";

    private static string Hostile(Type type) =>
        type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ? "9999-12-31T99:99:99"
        : IsNumber(type) || type.IsEnum ? "-99999999999999999999999"
        : "\0\uD800<script>alert(1)</script>'\"; DROP TABLE \"Postings\";--\u202E\uDFFF%00{{7*7}}";

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(decimal) || type == typeof(double) || type == typeof(float);

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(Guid)
        || type == typeof(TimeSpan);

    private static void Expand(string name, Type type, List<Field> fields, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(IFormFile) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type))
        {
            fields.Add(new Field(name, typeof(IFormFile)));
            return;
        }

        if (IsSimple(type))
        {
            fields.Add(new Field(name, type));
            return;
        }

        var element = type.IsArray ? type.GetElementType()
            : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1]
            : null;
        if (element is not null)
        {
            if (IsSimple(Nullable.GetUnderlyingType(element) ?? element))
            {
                fields.Add(new Field(name, element));
            }
            else if (depth < 3)
            {
                Expand(name + "[0]", element, fields, depth + 1);
            }

            return;
        }

        if (depth >= 3)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || IsCollection(p.PropertyType))))
        {
            Expand(name + "." + property.Name, property.PropertyType, fields, depth + 1);
        }
    }

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
}
