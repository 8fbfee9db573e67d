using System.Text.Json;
using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Security;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Discogs;

/// <summary>
/// The Discogs OAuth 1.0a out-of-band flow (REFERENCE-API.md §4.6, §5), with two fixes: the pending state is
/// bound to the user who started it, and an unreachable Discogs is a 502 rather than a 500.
/// </summary>
public sealed class OAuthServices(
    DiscogsClient discogs, DiscogsAppCredentials appCredentials, OAuthTokenQueries tokens, SecretProtector protector,
    IKeyValueStore store, DiscogsSettings settings, AuditLog audit) : Service
{
    public static readonly TimeSpan StateLifetime = TimeSpan.FromSeconds(600);
    private const string StateNotFound = "OAuth state not found or expired. Please restart the OAuth flow.";

    public async Task<AuthorizeDiscogsResponse> Get(AuthorizeDiscogs request)
    {
        var app = await appCredentials.GetAsync(Aborted) ?? throw HttpError.ServiceUnavailable(
            "Discogs app credentials not configured. Ask an admin to run discogs-setup on the API container.");
        var requestToken = await CallDiscogsAsync(() => discogs.GetRequestTokenAsync(app, Aborted), "Failed to initiate Discogs OAuth",
            502);
        var state = JsonSerializer.Serialize(new PendingState(Caller.UserId.ToString(), requestToken.Secret));
        await store.SetAsync(RedisKeys.OAuthState(requestToken.Token), state, StateLifetime, Aborted);
        return new AuthorizeDiscogsResponse
        {
            AuthorizeUrl = $"{settings.WebUrl}/oauth/authorize?oauth_token={Uri.EscapeDataString(requestToken.Token)}",
            State = requestToken.Token,
            ExpiresIn = (int)StateLifetime.TotalSeconds,
        };
    }

    /// <summary>Another user's state is answered exactly like an unknown one; a failed exchange keeps the state for a retry.</summary>
    public async Task<VerifyDiscogsResponse> Post(VerifyDiscogs request)
    {
        var app = await appCredentials.GetAsync(Aborted) ?? throw HttpError.ServiceUnavailable("Discogs app credentials not configured");
        var pending = await ReadStateAsync(request.State);
        if (pending is null || pending.UserId != Caller.UserId.ToString())
            throw HttpError.BadRequest(StateNotFound);
        const string flowFailed = "Invalid verifier code or OAuth flow failed";
        var access = await CallDiscogsAsync(() =>
            discogs.GetAccessTokenAsync(app with { Token = request.State, TokenSecret = pending.Secret },
            request.OauthVerifier, Aborted), flowFailed, 400);
        var accessCredentials = app with { Token = access.Token, TokenSecret = access.Secret };
        var identity = await CallDiscogsAsync(() => discogs.GetIdentityAsync(new OAuth1Auth(accessCredentials), Aborted), flowFailed, 400);
        await store.DeleteAsync(RedisKeys.OAuthState(request.State), Aborted);
        await tokens.UpsertAsync(Caller.UserId, protector.Protect(access.Token), protector.Protect(access.Secret), identity.Username,
            identity.UserId, Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.OauthConnect, Caller.UserId, "discogs", identity.UserId,
            new Dictionary<string, object?> { ["discogs_username"] = identity.Username }));
        return new VerifyDiscogsResponse { Connected = true, DiscogsUsername = identity.Username, DiscogsUserId = identity.UserId };
    }

    public async Task<DiscogsStatusResponse> Get(GetDiscogsStatus request)
    {
        var row = await tokens.GetAsync(Caller.UserId, Aborted);
        return row is null
            ? new DiscogsStatusResponse { Connected = false }
            : new DiscogsStatusResponse
            {
                Connected = true, DiscogsUsername = row.ProviderUsername ?? "", DiscogsUserId = row.ProviderUserId ?? "",
                    ConnectedAt = row.UpdatedAt,
            };
    }

    public async Task<RevokeDiscogsResponse> Delete(RevokeDiscogs request)
    {
        var existed = await tokens.DeleteAsync(Caller.UserId, Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.OauthDisconnect, Caller.UserId, "discogs", null,
            new Dictionary<string, object?> { ["was_connected"] = existed }));
        return new RevokeDiscogsResponse { Revoked = true };
    }

    /// <summary>Discogs' refusals become <paramref name="status"/> with the reference's message; an unreachable Discogs
    /// is a 502 saying so.</summary>
    private static async Task<T> CallDiscogsAsync<T>(Func<Task<T>> call, string refusal, int status)
    {
        try
        {
            return await call();
        }
        catch (DiscogsException)
        {
            throw HttpError.Status(status, refusal, ErrorBodyStyle.Detail);
        }
        catch (DiscogsUnreachableException)
        {
            throw HttpError.BadGateway("Could not reach Discogs; try again in a moment");
        }
    }

    private async Task<PendingState?> ReadStateAsync(string state)
    {
        var stored = await store.GetAsync(RedisKeys.OAuthState(state), Aborted);
        if (stored is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<PendingState>(stored);
        }
        catch (JsonException)
        {
            return null;
        }
    }


    /// <summary>What <c>discogs:oauth:state:&lt;token&gt;</c> holds: the request token's secret and who asked for it.</summary>
    private sealed record PendingState(string UserId, string Secret);
}
