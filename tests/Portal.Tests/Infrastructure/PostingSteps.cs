using System.Globalization;
using AngleSharp.Dom;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>What a focal point does with the posting forms, as steps tests can share.</summary>
public static class PostingSteps
{
    public sealed record Draft
    {
        public PostingKind Kind { get; init; } = PostingKind.Need;

        public string Title { get; init; } = "Support for a prosthetics workshop in Xieng Khouang";

        public string Summary { get; init; } = "The national regulatory authority seeks support to equip a regional prosthetics workshop.";

        public string Body { get; init; } = "## What is needed\n\nMaterials and training for victim assistance staff.\n";

        public string[] Areas { get; init; } = [nameof(CcmAreas.VictimAssistance)];

        public string[] Types { get; init; } = [nameof(AssistanceTypes.Equipment)];

        public string[] Countries { get; init; } = ["LAO"];

        public string[] Regions { get; init; } = [];

        public Portal.Data.Visibility Visibility { get; init; } = Portal.Data.Visibility.StatesAndObservers;

        public string ContactPoint { get; init; } = "Programme officer, contact@authority.test";

        public string? Period { get; init; } = "2027–2028";

        public string? Budget { get; init; } = "250,000";

        public string? Currency { get; init; } = "USD";

        /// <summary>An offer's application deadline as the date field sends it (yyyy-MM-dd); left out of the form when null.</summary>
        public string? ApplicationDeadline { get; init; }

        /// <summary>An offer's or experience's role by name; left out of the form when null (a need's form has none).</summary>
        public string? Role { get; init; }

        /// <summary>An offer's or experience's modalities by name; left out of the form when null.</summary>
        public string[]? Modalities { get; init; }

        /// <summary>For a coordinator: the participant code published for.</summary>
        public string? For { get; init; }

        /// <summary>For a coordinator publishing on behalf: the sender's address the publish step records (none when null).</summary>
        public string? SenderEmail { get; init; }

        public Dictionary<string, string> Values()
        {
            var values = new Dictionary<string, string>
            {
                ["Input.Title"] = Title,
                ["Input.Summary"] = Summary,
                ["Input.Body"] = Body,
                ["Input.ContactPoint"] = ContactPoint,
                ["Input.Visibility"] = Visibility.ToString(),
                ["Input.Period"] = Period ?? "",
            };
            if (Kind != PostingKind.Experience)
            {
                values["Input.Budget"] = Budget ?? "";
                values["Input.Currency"] = Currency ?? "";
            }

            if (ApplicationDeadline is not null)
            {
                values["Input.ApplicationDeadline"] = ApplicationDeadline;
            }

            if (For is not null)
            {
                values["Input.Participant"] = For;
            }

            if (Role is not null)
            {
                values["Input.Role"] = Role;
            }

            return values;
        }

        public Dictionary<string, string[]> Lists()
        {
            var lists = new Dictionary<string, string[]>
            {
                ["Input.Areas"] = Areas,
                ["Input.AssistanceTypes"] = Types,
                ["Input.Countries"] = Countries,
                ["Input.Regions"] = Regions,
            };
            if (Modalities is not null)
            {
                lists["Input.Modalities"] = Modalities;
            }

            return lists;
        }
    }

    /// <summary>New → fill → save draft; returns the new posting's id (the browser is on its page).</summary>
    public static async Task<int> SaveDraftAsync(this Browser browser, Draft draft)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(draft);
        await browser.OpenAsync($"/Postings/New?kind={draft.Kind}");
        await browser.SubmitAsync("form.stack", new FormFill { Values = draft.Values(), Lists = draft.Lists() });
        var path = browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(path.StartsWith("/Postings/", StringComparison.Ordinal) && int.TryParse(path["/Postings/".Length..], out _),
            $"Saving the draft did not lead to its page but to {path}: {browser.Find("[data-testid=errors]")}");
        return int.Parse(path["/Postings/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Saves the draft and presses Publish on its page (and on the publish step, when the coordinator publishes on behalf).</summary>
    public static async Task<int> PublishAsync(this Browser browser, Draft draft)
    {
        var id = await browser.SaveDraftAsync(draft);
        await browser.SubmitAsync("form[action*='handler=Publish']");
        await browser.AnswerSenderStepAsync(draft.SenderEmail);
        Assert.Contains("Published", browser.Find("[role=status]") ?? "", StringComparison.Ordinal);
        return id;
    }

    /// <summary>
    /// On the publish step that asks a coordinator publishing on behalf who sent the text: gives
    /// <paramref name="senderEmail"/> (none when null) and publishes. Elsewhere it does nothing.
    /// </summary>
    public static async Task AnswerSenderStepAsync(this Browser browser, string? senderEmail = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        if (browser.Page?.QuerySelector("[data-testid=sender] #Sender_Email") is not null)
        {
            await browser.SubmitAsync("form[action*='handler=Publish']", new Dictionary<string, string> { ["Sender.Email"] = senderEmail ?? "" });
        }
    }

    public static async Task<HttpResponseMessage> AttachAsync(this Browser browser, int postingId, string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(browser);
        await browser.OpenAsync($"/Postings/{postingId}/Attachments");
        return await browser.SubmitAsync("input[type=file]", new FormFill { Files = new Dictionary<string, (string, byte[])> { ["Upload"] = (fileName, content) } });
    }

    /// <summary>The antiforgery token of any form on the current page: valid for every form of this session.</summary>
    public static string Token(this Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return browser.Page?.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No form with an antiforgery token on this page.");
    }

    /// <summary>The titles of the postings a list or search page shows, in order.</summary>
    public static string[] ResultTitles(this Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return [.. browser.Page!.QuerySelectorAll("ol.results h2").Select(h => h.TextContent.Trim())];
    }

    public static IElement MainElement(this Browser browser) =>
        browser.Page?.QuerySelector("main") ?? throw new InvalidOperationException("No page.");
}
