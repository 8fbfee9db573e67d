using System.Globalization;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>
/// Genre tree, year range, genre emergence, graph statistics and collaborators (REFERENCE-UPSTREAM.md §A.3–§A.7),
/// with the reference's checks and messages.
/// </summary>
public sealed class DiscoveryServices(DiscoveryQueries queries, GenreTreeCache genreTree) : Service
{
    /// <summary>The reference's client-side limit for the genre tree.</summary>
    private static readonly TimeSpan GenreTreeBudget = TimeSpan.FromSeconds(30);

    public Task<GenreTreeResponse> Get(GetGenreTree request) =>
        QueryTimeouts.Within(token => genreTree.GetAsync(queries.GenreTreeAsync, token), GenreTreeBudget,
            "Genre tree query timed out — try again later", Aborted);

    public Task<YearRangeResponse> Get(GetYearRange request) => queries.YearRangeAsync(Aborted);

    public Task<GenreEmergenceResponse> Get(GetGenreEmergence request) => queries.EmergenceAsync(request.BeforeYear, Aborted);

    public Task<GraphStatsResponse> Get(GetGraphStats request) => queries.StatsAsync(Aborted);

    public Task<CollaboratorsResponse> Get(GetCollaborators request) =>
        QueryTimeouts.Within(token => CollaboratorsAsync(request, token), null, "Collaborators query timed out — try again later", Aborted);

    private async Task<CollaboratorsResponse> CollaboratorsAsync(GetCollaborators request, CancellationToken cancellationToken)
    {
        var id = long.TryParse(request.ArtistId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
        var (found, name) = id is { } artistId ? await queries.ArtistAsync(artistId, cancellationToken) : (false, null);
        if (!found)
            throw HttpError.NotFound($"Artist '{request.ArtistId}' not found");
        var (collaborators, total) = await queries.CollaboratorsAsync(id!.Value, request.Limit, cancellationToken);
        return new CollaboratorsResponse { ArtistId = request.ArtistId, ArtistName = name, Collaborators = collaborators, Total = total };
    }
}
