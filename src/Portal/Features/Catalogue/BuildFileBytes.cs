using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>
/// Reads a stored build file's bytes as they are sent, instead of loading a 100 MB PDF into memory first: a data reader
/// with <see cref="CommandBehavior.SequentialAccess"/> and <see cref="DbDataReader.GetStream"/>. SQLite hands out an
/// incremental blob only when the row id is selected with the blob (an INTEGER PRIMARY KEY, here the file's id, is
/// that id); PostgreSQL streams the column from the wire. The stream holds the context's connection until it is
/// disposed (a file result disposes it once sent), so the caller runs every other query first.
/// </summary>
public static class BuildFileBytes
{
    /// <summary>The file's bytes, or null when they are no longer stored (removed to save room).</summary>
    public static async Task<Stream?> OpenAsync(PortalDbContext db, int fileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(BuildFileContent))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        DbDataReader? reader = null;
        try
        {
            command.CommandText = $"SELECT {Column(nameof(BuildFileContent.FileId))}, {Column(nameof(BuildFileContent.Data))} "
                + $"FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {Column(nameof(BuildFileContent.FileId))} = @id";
            var id = command.CreateParameter();
            id.ParameterName = "@id";
            id.Value = fileId;
            command.Parameters.Add(id);
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await CloseAsync(db, command, reader);
                return null;
            }

            // Sequential access: the columns in their order.
            _ = reader.GetInt32(0);
            return new ReaderStream(db, command, reader, reader.GetStream(1));
        }
        catch
        {
            await CloseAsync(db, command, reader);
            throw;
        }
    }

    private static async Task CloseAsync(PortalDbContext db, DbCommand command, DbDataReader? reader)
    {
        if (reader is not null)
        {
            await reader.DisposeAsync();
        }

        await command.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>The column's stream, which closes the reader, the command and the connection with it.</summary>
    internal sealed class ReaderStream(PortalDbContext db, DbCommand command, DbDataReader reader, Stream content) : Stream
    {
        private bool closed;

        /// <summary>What the provider hands out: a test checks that it is not a copy in memory.</summary>
        internal Stream Content => content;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => content.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => content.Read(buffer);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            content.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            content.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            if (!closed)
            {
                closed = true;
                await content.DisposeAsync();
                await CloseAsync(db, command, reader);
            }

            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !closed)
            {
                closed = true;
                content.Dispose();
                reader.Dispose();
                command.Dispose();
                db.Database.CloseConnection();
            }

            base.Dispose(disposing);
        }
    }
}
