using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Portal.Infrastructure.Forms;

/// <summary>
/// Long option lists (197 States) written directly: the option tag helper runs per element, and on the postings
/// list it cost more than the page's queries.
/// </summary>
public static class SelectOptions
{
    public static IHtmlContent Render(IEnumerable<(string Value, string Label)> options, Func<string, bool> isSelected)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(isSelected);
        var html = new StringBuilder(8 * 1024);
        foreach (var (value, label) in options)
        {
            html.Append("<option value=\"").Append(HtmlEncoder.Default.Encode(value)).Append('"')
                .Append(isSelected(value) ? " selected>" : ">")
                .Append(HtmlEncoder.Default.Encode(label)).Append("</option>");
        }

        return new HtmlString(html.ToString());
    }
}
