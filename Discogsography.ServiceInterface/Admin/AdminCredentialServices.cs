using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Discogs;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Security;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Admin;

/// <summary>
/// The Discogs app credentials for administrators: shown masked like <c>discogs-setup --show</c>, set with the same
/// storage and encryption as <c>discogs-setup</c>. Both views and changes are audited (without the values).
/// </summary>
public sealed class AdminCredentialServices(DiscogsAppCredentials credentials, SecretProtector protector, AuditLog audit) : Service
{
    public async Task<AppCredentialsResponse> Get(GetAppCredentials request)
    {
        var response = await credentials.DescribeAsync(Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.AdminAppCredentialsViewed, Caller.UserId, "app_config", "discogs"));
        return response;
    }

    public async Task<AppCredentialsResponse> Put(SetAppCredentials request)
    {
        var key = request.ConsumerKey.Trim();
        var secret = request.ConsumerSecret.Trim();
        if (key.Length == 0 || secret.Length == 0)
            throw HttpError.BadRequest("Both the consumer key and the consumer secret are required");
        await credentials.SetAsync(key, secret, Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.AdminAppCredentialsSet, Caller.UserId, "app_config", "discogs",
            new Dictionary<string, object?> { ["encrypted"] = protector.Encrypts }));
        return await credentials.DescribeAsync(Aborted);
    }
}
