namespace Portal.Infrastructure;

/// <summary>The "Housekeeping" section: how long what is finished is kept before <see cref="Housekeeping"/> removes it.</summary>
public sealed class HousekeepingOptions
{
    /// <summary>False: the job never runs in the background (tests run it themselves).</summary>
    public bool InBackground { get; set; } = true;

    /// <summary>Days a session is kept after it ended or ran out (who signed in from which address, for looking into an incident).</summary>
    public int SessionDays { get; set; } = 30;

    /// <summary>Days an invitation or password-reset link is kept after it was used or expired.</summary>
    public int TokenDays { get; set; } = 30;

    /// <summary>Days a sent or cancelled e-mail stays in the outbox. E-mails not yet sent are never removed.</summary>
    public int SentMailDays { get; set; } = 30;

    /// <summary>Rows removed per statement: each is its own short transaction, so a large purge never holds a table for long.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>The longest any period may be: ten years.</summary>
    public const int MaxDays = 3650;
}

public static class HousekeepingSetup
{
    /// <summary>The options, validated at start, the purge and its job.</summary>
    public static IServiceCollection AddHousekeeping(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HousekeepingOptions>().Bind(configuration.GetSection("Housekeeping"))
            .Validate(o => o.SessionDays is >= 1 and <= HousekeepingOptions.MaxDays, $"Housekeeping:SessionDays must be a number of days from 1 to {HousekeepingOptions.MaxDays}.")
            .Validate(o => o.TokenDays is >= 1 and <= HousekeepingOptions.MaxDays, $"Housekeeping:TokenDays must be a number of days from 1 to {HousekeepingOptions.MaxDays}.")
            .Validate(o => o.SentMailDays is >= 1 and <= HousekeepingOptions.MaxDays, $"Housekeeping:SentMailDays must be a number of days from 1 to {HousekeepingOptions.MaxDays}.")
            .Validate(o => o.BatchSize is >= 1 and <= 100_000, "Housekeeping:BatchSize must be a number of rows from 1 to 100000.")
            .ValidateOnStart();
        services.AddScoped<Housekeeping>();
        services.AddHostedService<HousekeepingJob>();
        return services;
    }
}
