using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Features.Forms;

/// <summary>
/// Marks a field with errors for assistive technology: <c>aria-invalid="true"</c> and <c>aria-describedby</c> pointing
/// at its message (which <see cref="FieldErrorMessageTagHelper"/> gives a matching id).
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

    // After the framework's own tag helpers have written id and name.
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (For is null || ViewContext is null)
        {
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            var errorId = ErrorIdFor(name);
            output.Attributes.SetAttribute("aria-invalid", "true");
            var described = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value + " " + errorId : errorId;
            output.Attributes.SetAttribute("aria-describedby", described);
        }
    }

    public static string ErrorIdFor(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-error";
}

/// <summary>Gives each field's validation message the id its field refers to.</summary>
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
        if (For is not null && ViewContext is not null)
        {
            output.Attributes.SetAttribute("id", InvalidFieldTagHelper.ErrorIdFor(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
        }
    }
}
