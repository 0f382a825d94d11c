using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Portal.Features.Forms;

public sealed record SummaryItem(string Message, string? FieldId);

/// <summary>The errors of a form in the order its fields appear, each linked to its field.</summary>
public static class ErrorSummary
{
    public static IReadOnlyList<SummaryItem> For(ModelStateDictionary modelState, object? pageModel)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var order = FieldOrder(pageModel?.GetType());
        return modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => order.TryGetValue(e.Key, out var index) ? index : e.Key.Length == 0 ? -1 : int.MaxValue)
            .SelectMany(e => e.Value!.Errors.Select(err => new SummaryItem(err.ErrorMessage,
                e.Key.Length == 0 ? null : TagBuilder.CreateSanitizedId(e.Key, "_"))))
            .DistinctBy(i => i.Message)
            .ToList();
    }

    /// <summary>"Input.Name" → its position, following the declaration order of bound input models.</summary>
    private static Dictionary<string, int> FieldOrder(Type? pageType)
    {
        var order = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (pageType is null)
        {
            return order;
        }

        foreach (var bound in pageType.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null))
        {
            order[bound.Name] = order.Count;
            if (bound.PropertyType.IsClass && bound.PropertyType != typeof(string))
            {
                foreach (var field in bound.PropertyType.GetProperties())
                {
                    order[$"{bound.Name}.{field.Name}"] = order.Count;
                }
            }
        }

        return order;
    }
}
