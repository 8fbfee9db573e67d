using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Discogs;
using Discogsography.ServiceInterface.Security;

namespace Discogsography.ServiceInterface.Sync;

/// <summary>Whose lists a sync reads and how it is allowed to.</summary>
public sealed record SyncSource(string Username, DiscogsAuth Auth);

/// <summary>
/// Finds how to read a user's lists (REFERENCE-API.md §7.1): the user's OAuth tokens (decrypted) signed with the
/// app's consumer credentials, checked in the reference's order and failing with its messages.
/// </summary>
public sealed class SyncSourceResolver(OAuthTokenQueries tokens, DiscogsAppCredentials appCredentials, SecretProtector protector)
{
    public const string NotConnected = "No Discogs OAuth token found for user. Please connect Discogs first.";
    public const string NoAppCredentials = "Discogs app credentials not configured in app_config table";

    public async Task<SyncSource> ResolveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var connection = await tokens.GetAsync(userId, cancellationToken) ?? throw new SyncFailedException(NotConnected);
        var app = await appCredentials.GetAsync(cancellationToken) ?? throw new SyncFailedException(NoAppCredentials);
        var username = connection.ProviderUsername is { Length: > 0 } name
            ? name
            : throw new SyncFailedException("The Discogs connection has no username; reconnect Discogs");
        var credentials = app with { Token = protector.Unprotect(connection.AccessToken), TokenSecret = protector.Unprotect(connection.AccessSecret) };
        return new SyncSource(username, new OAuth1Auth(credentials));
    }
}
