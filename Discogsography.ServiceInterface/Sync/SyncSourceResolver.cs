using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Discogs;
using Discogsography.ServiceInterface.Security;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Sync;

/// <summary>Whose lists a sync reads and how it is allowed to.</summary>
public sealed record SyncSource(string Username, DiscogsAuth Auth);

/// <summary>
/// Finds how to read a user's lists (REFERENCE-API.md §7.1): the user's OAuth tokens (decrypted) signed with the
/// app's consumer credentials, checked in the reference's order and failing with its messages. A user without an
/// OAuth connection who stored a Discogs personal access token in the API-key vault syncs with that token instead
/// (no app credentials needed); its username comes from Discogs' identity endpoint.
/// </summary>
public sealed class SyncSourceResolver(
    OAuthTokenQueries tokens, ApiKeyQueries apiKeys, DiscogsAppCredentials appCredentials, DiscogsClient discogs, SecretProtector protector)
{
    public const string NotConnected = "No Discogs OAuth token found for user. Please connect Discogs first.";
    public const string NoAppCredentials = "Discogs app credentials not configured in app_config table";

    public async Task<SyncSource> ResolveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var connection = await tokens.GetAsync(userId, cancellationToken);
        if (connection is null)
            return await PersonalTokenSourceAsync(userId, cancellationToken) ?? throw new SyncFailedException(NotConnected);
        var app = await appCredentials.GetAsync(cancellationToken) ?? throw new SyncFailedException(NoAppCredentials);
        var username = connection.ProviderUsername is { Length: > 0 } name
            ? name
            : throw new SyncFailedException("The Discogs connection has no username; reconnect Discogs");
        var credentials = app with { Token = protector.Unprotect(connection.AccessToken),
            TokenSecret = protector.Unprotect(connection.AccessSecret) };
        return new SyncSource(username, new OAuth1Auth(credentials));
    }

    private async Task<SyncSource?> PersonalTokenSourceAsync(Guid userId, CancellationToken cancellationToken)
    {
        var stored = await apiKeys.FindByServiceAsync(userId, ApiKeyServiceNames.Discogs, cancellationToken);
        if (stored is null)
            return null;
        var auth = new PersonalTokenAuth(protector.Unprotect(stored.EncryptedKey));
        try
        {
            var identity = await discogs.GetIdentityAsync(auth, cancellationToken);
            return identity.Username.Length > 0
                ? new SyncSource(identity.Username, auth)
                : throw new SyncFailedException("Discogs did not say whose personal access token this is");
        }
        catch (DiscogsException e)
        {
            throw new SyncFailedException($"Discogs refused the stored personal access token (HTTP {e.StatusCode}); update it under /api/users/api-keys");
        }
    }
}
