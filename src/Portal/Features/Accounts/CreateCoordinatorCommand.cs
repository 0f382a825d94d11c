using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Accounts;

/// <summary>
/// `Portal create-coordinator "Full Name" email`: the way into a fresh production portal. Creates a coordinator
/// of the Implementation Support Unit and prints the invitation link (it is also e-mailed when SMTP is set).
/// </summary>
public static class CreateCoordinatorCommand
{
    public const string Name = "create-coordinator";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 3 || !args[2].Contains('@', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Usage: {Name} \"Full Name\" email@example.org");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var isu = await db.Participants.SingleOrDefaultAsync(p => p.Code == "isu");
        if (isu is null)
        {
            isu = new Participant
            {
                Code = "isu",
                Name = "CCM Implementation Support Unit",
                Kind = ParticipantKind.InternationalOrganisation,
                MayPublish = true,
                CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
            };
            db.Participants.Add(isu);
            await db.SaveChangesAsync();
        }

        var (error, link) = await scope.ServiceProvider.GetRequiredService<AccountInvitations>()
            .InviteCoordinatorFromCommandLineAsync(args[1].Trim(), args[2].Trim(), "Implementation Support Unit", isu);
        if (error is not null)
        {
            await Console.Error.WriteLineAsync(error);
            return 1;
        }

        Console.WriteLine($"Coordinator {args[2]} created. Invitation (valid 7 days, once):");
        Console.WriteLine(link);
        Console.WriteLine("After setting a password they must set up an authenticator app before anything else.");
        return 0;
    }
}
