namespace Portal.Tests.Infrastructure;

/// <summary>An integration test class: each test gets its own app on its own database.</summary>
public abstract class PortalTest : IAsyncLifetime
{
    protected PortalFactory Factory { get; } = new();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();
}
