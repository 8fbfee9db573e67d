using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Auth.AppTokens;

/// <summary>Minting, listing and revoking the caller's app tokens (REFERENCE-UPSTREAM.md §B.6.2–§B.6.4).</summary>
public sealed class AppTokenServices(AppTokenQueries tokens, AuditLog audit) : Service
{
    public async Task<CreatedAppToken> Post(CreateAppToken request)
    {
        var unknown = request.Scopes.Where(s => !AppTokenScopes.All.Contains(s)).ToList();
        if (unknown.Count > 0)
            throw HttpError.BadRequest($"Unknown scope(s): {string.Join(", ", unknown)}");
        var name = request.Name.Trim();
        if (name.Length == 0)
            throw HttpError.BadRequest("name must be non-empty");
        var token = AppTokenCredentials.NewToken();
        var row = await tokens.InsertAsync(Caller.UserId, name, [.. request.Scopes], AppTokenCredentials.HashOf(token), Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.AppTokenMinted, Caller.UserId, "app_token", row.Id.ToString(),
            new Dictionary<string, object?> { ["name"] = name, ["scopes"] = request.Scopes }));
        return new CreatedAppToken { Id = row.Id, Name = row.Name, Scopes = [.. row.Scope], Token = token, CreatedAt = row.CreatedAt };
    }

    public async Task<AppTokenList> Get(ListAppTokens request) => ListOf(await tokens.ListAsync(Caller.UserId, Aborted));

    public async Task Delete(RevokeAppToken request)
    {
        var name = Guid.TryParse(request.TokenId, out var tokenId) ? await tokens.RevokeAsync(Caller.UserId, tokenId, Aborted) : null;
        if (name is null)
            throw HttpError.NotFound("Token not found");
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.AppTokenRevoked, Caller.UserId, "app_token", tokenId.ToString(),
            new Dictionary<string, object?> { ["name"] = name, ["by"] = "owner" }));
    }

    /// <summary>Rows split into working and revoked tokens, as the list answers them.</summary>
    public static AppTokenList ListOf(IReadOnlyList<AppTokenRow> rows) => new()
    {
        Active = [.. rows.Where(r => r.RevokedAt is null).Select(r => new AppTokenSummary
            { Id = r.Id, Name = r.Name, Scopes = [.. r.Scope], CreatedAt = r.CreatedAt, LastUsedAt = r.LastUsedAt })],
        Revoked = [.. rows.Where(r => r.RevokedAt is not null)
            .Select(r => new RevokedAppToken { Id = r.Id, Name = r.Name, RevokedAt = r.RevokedAt!.Value })],
    };
}
