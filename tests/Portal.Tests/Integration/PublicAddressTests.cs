using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Infrastructure.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Links in e-mails point where the portal answers, also when nobody set its public address.</summary>
public sealed class PublicAddressTests : PortalTest
{
    [Fact]
    public async Task WithoutAPublicAddress_EmailedLinksUseTheAddressThePortalListensOn()
    {
        Factory.Settings["Smtp:PublicBaseUrl"] = "";
        Factory.UseKestrel(0);
        Factory.StartServer();
        var listening = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        using var browser = new Browser(Factory, kestrel: new Uri(listening));

        await browser.OpenAsync("/Account/ForgotPassword");
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = member.Email });

        var body = Factory.Services.GetRequiredService<MailSeal>().Open(await Factory.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == member.Email)));
        Assert.Contains(listening.TrimEnd('/') + "/Account/ResetPassword?token=", body, StringComparison.Ordinal);
        Assert.Contains(Factory.Logs.Entries, e => e.Message.StartsWith("Smtp:PublicBaseUrl is not set", StringComparison.Ordinal)
                                                   && e.Message.Contains(listening.TrimEnd('/'), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://+:8080", "http://localhost:8080")]
    [InlineData("http://*:80", "http://localhost")]
    [InlineData("http://0.0.0.0:5080", "http://localhost:5080")]
    [InlineData("http://[::]:5080", "http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080")]
    [InlineData("https://portal.example.org", "https://portal.example.org")]
    public void AWildcardAddress_IsNamedAsThisMachine(string listening, string opened) =>
        Assert.Equal(opened, Portal.Infrastructure.Email.PublicAddress.WithoutWildcard(listening));
}
