using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Portal.Infrastructure.Forms;

public sealed record SummaryItem(string Message, string? FieldId);

/// <summary>
/// The errors of a page's form in the order its fields appear, each linked to its field, for the summary the layout
/// shows at the top of every page. Only the form's own errors count: those of the page's <c>[BindProperty]</c> inputs
/// and those about the whole form (empty key). A malformed value in a link (a filter, a handler argument) is not
/// something the person typed, and the page ignores it.
/// </summary>
public static class ErrorSummary
{
    public static IReadOnlyList<SummaryItem> For(ModelStateDictionary modelState, object? pageModel)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (modelState.ErrorCount == 0)
        {
            return [];
        }

        var order = FieldOrder(pageModel?.GetType());
        return modelState
            .Where(e => e.Value is { Errors.Count: > 0 } && (pageModel is null || e.Key.Length == 0 || order.ContainsKey(Root(e.Key))))
            .OrderBy(e => order.TryGetValue(e.Key, out var index) ? index : e.Key.Length == 0 ? -1 : int.MaxValue)
            .SelectMany(e => e.Value!.Errors.Select(err => new SummaryItem(err.ErrorMessage,
                e.Key.Length == 0 ? null : TagBuilder.CreateSanitizedId(e.Key, "_"))))
            .DistinctBy(i => i.Message)
            .ToList();
    }

    /// <summary>"Input.Areas[0]" → "Input".</summary>
    private static string Root(string key) => key[..(key.IndexOfAny(['.', '[']) is var end and >= 0 ? end : key.Length)];

    /// <summary>"Input.Name" → its position, following the declaration order of bound input models.</summary>
    private static Dictionary<string, int> FieldOrder(Type? pageType)
    {
        var order = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (pageType is null)
        {
            return order;
        }

        foreach (var bound in pageType.GetProperties())
        {
            if (bound.GetCustomAttribute<BindPropertyAttribute>() is not { } binding)
            {
                continue;
            }

            var name = binding.Name ?? bound.Name;
            order[name] = order.Count;
            if (bound.PropertyType.IsClass && bound.PropertyType != typeof(string))
            {
                foreach (var field in bound.PropertyType.GetProperties())
                {
                    order[$"{name}.{field.Name}"] = order.Count;
                }
            }
        }

        return order;
    }
}
