using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Features.Sample;

/// <summary>
/// Where the sample's data files are (<c>Data/Seed/sample</c>, copied next to the app) and how they are read: strict
/// JSON, so that a misspelt field, a missing one or an unknown name stops the start with a message that names the
/// file, the entry and the field, rather than seeding something else than the file says.
/// </summary>
internal static class SampleSeed
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "sample");

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>Reads one JSON value; <paramref name="firstLine"/> is the file's line the JSON starts on, for the message.</summary>
    public static T Read<T>(string json, string file, int firstLine = 1)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw Invalid(file, "the file holds null instead of its data.");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long line ? $" (line {line + firstLine})" : "";
            throw new InvalidDataException($"Sample data {file}{where}: {e.Message}", e);
        }
    }

    /// <summary>A flags value from its names, each of which must be one of the enumeration's own.</summary>
    public static TFlags Flags<TFlags>(IEnumerable<string>? names, string file, string field)
        where TFlags : struct, Enum
    {
        var value = 0;
        foreach (var name in names ?? [])
        {
            if (!Enum.GetNames<TFlags>().Contains(name, StringComparer.Ordinal) || name == "None")
            {
                var known = string.Join(", ", Enum.GetNames<TFlags>().Where(n => n != "None"));
                throw Invalid(file, $"\"{field}\" holds \"{name}\", which is not one of: {known}.");
            }

            value |= Convert.ToInt32(Enum.Parse<TFlags>(name), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (TFlags)Enum.ToObject(typeof(TFlags), value);
    }

    public static InvalidDataException Invalid(string file, string problem) => new($"Sample data {file}: {problem}");
}
