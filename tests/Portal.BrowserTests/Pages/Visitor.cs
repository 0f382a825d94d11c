namespace Portal.BrowserTests.Pages;

/// <summary>Who fills the public forms: a delegate of a State or organisation.</summary>
public sealed record Visitor(string Name, string Email, string Participant, string Position)
{
    /// <summary>A delegate of Lebanon with an e-mail address no other run has used (the SMTP sink keeps old mail).</summary>
    public static Visitor FromLebanon(string name) =>
        new(name, $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@mine-action.test", "Lebanon", "Head of mine action");
}
