namespace Portal.Tests.Infrastructure;

/// <summary>Two app instances on one database, as behind a reverse proxy.</summary>
public abstract class TwoInstanceTest : IAsyncLifetime
{
    protected PortalFactory First { get; } = new();

    protected PortalFactory Second { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Second = new PortalFactory().ShareDatabaseWith(First);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
