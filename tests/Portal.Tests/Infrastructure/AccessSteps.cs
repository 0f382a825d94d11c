using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Portal.Tests.Infrastructure;

/// <summary>What a person asking for access and the coordinator answering do with the real forms, as steps tests can share.</summary>
public static class AccessSteps
{
    /// <summary>Requests access for <paramref name="email"/> on behalf of the participant with <paramref name="participantCode"/>.</summary>
    public static async Task<string> RequestAccessAsync(PortalFactory factory, string participantCode, string email, string name = "Amina Diallo")
    {
        using var visitor = new Browser(factory);
        await visitor.OpenAsync("/Access/Request");
        var participantId = await factory.WithDbAsync(db => db.Participants.Where(p => p.Code == participantCode).Select(p => p.Id).SingleAsync());
        await visitor.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.ParticipantId"] = participantId.ToString(CultureInfo.InvariantCulture),
            ["Input.Position"] = "Head of mine action",
            ["Input.Note"] = "Accredited by the Permanent Mission.",
        });
        Assert.Contains("your request has been sent", visitor.Text, StringComparison.OrdinalIgnoreCase);
        return email;
    }

    /// <summary>The coordinator, on the queue of access requests, sends the code from the request's own button: nobody types or sees it.</summary>
    public static async Task SendCodeAsync(PortalFactory factory, Browser admin, string email)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await admin.OpenAsync("/Admin/Requests");
        var id = await factory.WithDbAsync(db => db.AccessRequests.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
        await admin.SubmitAsync($"section[aria-labelledby=req-{id}] form[action*='handler=SendCode'] button");
    }
}
