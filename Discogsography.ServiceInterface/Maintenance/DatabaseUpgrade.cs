using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Data;

namespace Discogsography.ServiceInterface.Maintenance;

/// <summary>What an upgrade did: the migrations applied, and which derived tables of the live catalogue were built.</summary>
public sealed record DatabaseUpgradeOutcome(MigrationOutcome Migrations, IReadOnlyList<string> CatalogueBackfilled);

/// <summary>
/// Brings a database to this version, the one way <c>migrate</c> and <c>serve</c> do it: the pending migrations, then
/// the derived catalogue tables a migration introduced, built once for a catalogue imported before them.
/// </summary>
public sealed class DatabaseUpgrade(MigrationRunner migrations, CatalogueBackfill backfill)
{
    public async Task<DatabaseUpgradeOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var applied = await migrations.MigrateAsync(cancellationToken);
        return new DatabaseUpgradeOutcome(applied, await backfill.RunAsync(cancellationToken));
    }
}
