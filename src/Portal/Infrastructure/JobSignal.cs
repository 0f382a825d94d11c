namespace Portal.Infrastructure;

/// <summary>
/// Lets a request wake a <see cref="ScheduledJob"/> at once instead of waiting for its next run; one subclass per job,
/// so that each is a service of its own. Several wake-ups before the job looks count as one.
/// </summary>
public abstract class JobSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Wake()
    {
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken token) => semaphore.WaitAsync(timeout, token);

    public void Dispose()
    {
        semaphore.Dispose();
        GC.SuppressFinalize(this);
    }
}
