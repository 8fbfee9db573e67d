using Npgsql;
using NpgsqlTypes;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>A source table a parser fills, and its columns in COPY order.</summary>
public sealed record CopyTable(string Name, string Columns);

/// <summary>One binary <c>COPY ... FROM STDIN</c> into a staging table, on its own connection.</summary>
internal sealed class CopyWriter : IAsyncDisposable
{
    private readonly NpgsqlConnection? connection;
    private readonly NpgsqlBinaryImporter? importer;

    private CopyWriter(NpgsqlConnection? connection, NpgsqlBinaryImporter? importer)
    {
        this.connection = connection;
        this.importer = importer;
    }

    /// <summary>A writer that counts rows and sends nothing (parse-only runs).</summary>
    public static CopyWriter Discard => new(null, null);

    /// <summary>Rows written.</summary>
    public long Rows { get; private set; }

    public static async Task<CopyWriter> OpenAsync(NpgsqlDataSource database, string schema, CopyTable table,
        CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var importer = await connection.BeginBinaryImportAsync(
                $"COPY {schema}.{table.Name} ({table.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            return new CopyWriter(connection, importer);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public CopyWriter Row()
    {
        importer?.StartRow();
        Rows++;
        return this;
    }

    public CopyWriter Long(long value)
    {
        importer?.Write(value, NpgsqlDbType.Bigint);
        return this;
    }

    public CopyWriter Long(long? value)
    {
        if (importer is null)
            return this;
        if (value is { } v)
            importer.Write(v, NpgsqlDbType.Bigint);
        else
            importer.WriteNull();
        return this;
    }

    public CopyWriter Int(int? value)
    {
        if (importer is null)
            return this;
        if (value is { } v)
            importer.Write(v, NpgsqlDbType.Integer);
        else
            importer.WriteNull();
        return this;
    }

    public CopyWriter Text(string? value)
    {
        if (importer is null)
            return this;
        if (value is null)
            importer.WriteNull();
        else
            importer.Write(Clean(value), NpgsqlDbType.Text);
        return this;
    }

    public CopyWriter TextArray(IReadOnlyList<string> values)
    {
        importer?.Write(values.Select(Clean).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        return this;
    }

    /// <summary>Commits the COPY; the rows become visible to the rest of the import.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (importer is not null)
            await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>PostgreSQL text cannot hold NUL, which the dumps' lax XML can carry.</summary>
    private static string Clean(string value) => value.Contains('\0') ? value.Replace("\0", "") : value;

    public async ValueTask DisposeAsync()
    {
        if (importer is not null)
            await importer.DisposeAsync();
        if (connection is not null)
            await connection.DisposeAsync();
    }
}
