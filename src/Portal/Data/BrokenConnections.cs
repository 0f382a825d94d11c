using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Portal.Data;

/// <summary>
/// Npgsql hands out pooled connections without checking them first (by design: a check costs a round trip each
/// time), so after PostgreSQL restarts every idle connection in the pool is dead, and each would fail one request or
/// job run in turn. The first command or connection that fails because the server is gone, restarting or closing
/// connections empties the pool (connections in use at that moment are closed when they come back), so what follows
/// opens new connections. The work that met the broken connection still fails, as it would have anyway. EF's commands
/// and connections come here through this interceptor; connections opened outside EF (<see cref="Infrastructure.Caching.StampConnections"/>)
/// call <see cref="Forget"/> themselves.
/// </summary>
public sealed class BrokenConnections(ILogger<BrokenConnections> logger) : DbCommandInterceptor, IDbConnectionInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Connection, eventData.Exception, logger);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Connection, eventData.Exception, logger);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(connection, eventData.Exception, logger);
    }

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(connection, eventData.Exception, logger);
        return Task.CompletedTask;
    }

    /// <summary>A transient Npgsql failure (the server gone, restarting, or closing the connection) anywhere in the chain.</summary>
    public static bool IsBrokenConnection(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Empties the pool of <paramref name="connection"/> when <paramref name="exception"/> shows it broken; true if so.</summary>
    public static bool Forget(DbConnection? connection, Exception exception, ILogger logger)
    {
        if (connection is not NpgsqlConnection npgsql || !IsBrokenConnection(exception))
        {
            return false;
        }

        NpgsqlConnection.ClearPool(npgsql);
        logger.LogWarning("A database connection broke ({Reason}); the idle connections were closed, so what follows opens new ones.", exception.Message);
        return true;
    }
}
