using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>What the live catalogue's import recorded (<c>graph.catalog_info</c>).</summary>
public sealed class CatalogInfoQueries(NpgsqlDataSource database)
{
    /// <summary>The counts and time of the live import, or zeros before the first one.</summary>
    public async Task<CatalogueFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CatalogueFigures>(new CommandDefinition("""
            SELECT imported_at, (counts->>'Artists')::bigint AS artists, (counts->>'Labels')::bigint AS labels,
                   (counts->>'Masters')::bigint AS masters, (counts->>'Releases')::bigint AS releases,
                   (counts->>'Genres')::bigint AS genres, (counts->>'Styles')::bigint AS styles
            FROM graph.catalog_info LIMIT 1
            """, cancellationToken: cancellationToken)) ?? new CatalogueFigures();
    }
}
