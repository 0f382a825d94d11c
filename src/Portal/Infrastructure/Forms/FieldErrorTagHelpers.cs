using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Infrastructure.Forms;

/// <summary>
/// A field with an error, as GOV.UK shows it: the message stands between the label (and hint) and the field itself,
/// on a line of its own, so that it is never floated beside a short input or a file input and is read before the
/// field; the field is marked <c>aria-invalid="true"</c> and described by the message. Every form gets this from
/// <c>asp-for</c>: a page writes no message element for a field of its own. A group of checkboxes or radios
/// (a fieldset) has no single field, so its page places <c>&lt;span asp-validation-for&gt;</c> after the legend,
/// and <see cref="FieldErrorMessageTagHelper"/> gives that message the same id and "Error:" prefix.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    // After the framework's own tag helpers have written id, name and type.
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (For is null || ViewContext is null)
        {
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (FieldErrors.FirstFor(ViewContext, name) is not { } message)
        {
            return;
        }

        var errorId = ErrorIdFor(name);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var described = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value + " " + errorId : errorId;
        output.Attributes.SetAttribute("aria-describedby", described);

        var hidden = output.Attributes.TryGetAttribute("type", out var type) && "hidden".Equals(type.Value?.ToString(), StringComparison.OrdinalIgnoreCase);
        if (!hidden && FieldErrors.Claim(ViewContext, name))
        {
            output.PreElement.AppendHtml(
                $"<span class=\"field-error field-validation-error\" id=\"{errorId}\">{FieldErrors.Prefix}{HtmlEncoder.Default.Encode(message)}</span>");
        }
    }

    public static string ErrorIdFor(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-error";

    /// <summary>The id of a group's message when it has one, for the fieldset's <c>aria-describedby</c>; otherwise null.</summary>
    public static string? ErrorIdIfAny(ViewContext view, string fullName) =>
        FieldErrors.FirstFor(view, fullName) is null ? null : ErrorIdFor(fullName);
}

/// <summary>
/// The message of a group of fields (<c>&lt;span asp-validation-for&gt;</c> after a fieldset's legend): the id its
/// group refers to and a hidden "Error:" prefix. A message that its field already shows above itself is not repeated.
/// </summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorMessageTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression? For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (For is null || ViewContext is null)
        {
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (FieldErrors.FirstFor(ViewContext, name) is null)
        {
            // Nothing to say: no empty element in the page.
            output.SuppressOutput();
            return;
        }

        if (!FieldErrors.Claim(ViewContext, name))
        {
            output.SuppressOutput();
            return;
        }

        output.Attributes.SetAttribute("id", InvalidFieldTagHelper.ErrorIdFor(name));
        output.PreContent.AppendHtml(FieldErrors.Prefix);
    }
}

/// <summary>Which field messages a page has written, so that each is written once.</summary>
internal static class FieldErrors
{
    public const string Prefix = "<span class=\"visually-hidden\">Error: </span>";

    private static readonly object Key = new();

    public static string? FirstFor(ViewContext view, string name) =>
        view.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>True the first time a message for <paramref name="name"/> is to be written in this response.</summary>
    public static bool Claim(ViewContext view, string name)
    {
        var items = view.HttpContext.Items;
        if (items[Key] is not HashSet<string> written)
        {
            items[Key] = written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        return written.Add(name);
    }
}
