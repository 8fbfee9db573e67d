using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Security;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Discogs;

/// <summary>The app's consumer key and secret from <c>app_config</c>, decrypted (REFERENCE-API.md §6.2).</summary>
public sealed class DiscogsAppCredentials(AppConfigQueries config, SecretProtector protector)
{
    public const string ConsumerKeyName = "discogs_consumer_key";
    public const string ConsumerSecretName = "discogs_consumer_secret";

    /// <summary>The credentials, or null when either is missing or empty.</summary>
    public async Task<OAuthCredentials?> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await config.GetAsync([ConsumerKeyName, ConsumerSecretName], cancellationToken);
        var key = stored.TryGetValue(ConsumerKeyName, out var k) && k.Length > 0 ? protector.Unprotect(k) : "";
        var secret = stored.TryGetValue(ConsumerSecretName, out var s) && s.Length > 0 ? protector.Unprotect(s) : "";
        return key.Length > 0 && secret.Length > 0 ? new OAuthCredentials(key, secret) : null;
    }

    /// <summary>
    /// What is stored, masked the way <c>discogs-setup --show</c> prints it (<c>(not set)</c>, <c>****</c>, <c>ab****yz</c>):
    /// the one view of the credentials the command line and the admin API share.
    /// </summary>
    public async Task<AppCredentialsResponse> DescribeAsync(CancellationToken cancellationToken)
    {
        var stored = await config.GetAsync([ConsumerKeyName, ConsumerSecretName], cancellationToken);
        string? Plain(string name) => stored.TryGetValue(name, out var value) && value.Length > 0 ? protector.Unprotect(value) : null;
        var (key, secret) = (Plain(ConsumerKeyName), Plain(ConsumerSecretName));
        return new AppCredentialsResponse
        {
            ConsumerKey = SecretMask.Mask(key), ConsumerSecret = SecretMask.Mask(secret),
            Configured = !string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(secret), EncryptedAtRest = protector.Encrypts,
        };
    }

    /// <summary>Stores both, encrypted when a key is configured: the key first, then the secret.</summary>
    public Task SetAsync(string consumerKey, string consumerSecret, CancellationToken cancellationToken) =>
        config.SetAsync([new(ConsumerKeyName, protector.Protect(consumerKey)), new(ConsumerSecretName, protector.Protect(consumerSecret))], cancellationToken);
}
