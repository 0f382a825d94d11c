using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portal.Tests.Infrastructure;

/// <summary>What the app logged at <see cref="Minimum"/> or above, kept so a test can say the log is free of failures (or of secrets).</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyCollection<LogEntry> Entries => entries;

    /// <summary>Warning unless a test wants to read everything the app's logging settings let through.</summary>
    public LogLevel Minimum { get; set; } = LogLevel.Warning;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries, LogCollector collector) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= collector.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " — " + Exception.GetType().Name + ": " + Exception.Message)}";
}
