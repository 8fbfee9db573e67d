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
        var (key, secret) = await ReadAsync(cancellationToken);
        return key is { Length: > 0 } && secret is { Length: > 0 } ? new OAuthCredentials(key, secret) : null;
    }

    /// <summary>
    /// What is stored, masked the way <c>discogs-setup --show</c> prints it (<c>(not set)</c>, <c>****</c>, <c>ab****yz</c>):
    /// the one view of the credentials the command line and the admin API share.
    /// </summary>
    public async Task<AppCredentialsResponse> DescribeAsync(CancellationToken cancellationToken)
    {
        var (key, secret) = await ReadAsync(cancellationToken);
        return new AppCredentialsResponse
        {
            ConsumerKey = SecretMask.Mask(key), ConsumerSecret = SecretMask.Mask(secret),
            Configured = !string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(secret), EncryptedAtRest = protector.Encrypts,
        };
    }

    /// <summary>The stored key and secret in plaintext, null where none (or an empty one) is stored.</summary>
    private async Task<(string? Key, string? Secret)> ReadAsync(CancellationToken cancellationToken)
    {
        var stored = await config.GetAsync([ConsumerKeyName, ConsumerSecretName], cancellationToken);
        string? Plain(string name) => stored.TryGetValue(name, out var value) && value.Length > 0 ? protector.Unprotect(value) : null;
        return (Plain(ConsumerKeyName), Plain(ConsumerSecretName));
    }

    /// <summary>Stores both, encrypted when a key is configured: the key first, then the secret.</summary>
    public Task SetAsync(string consumerKey, string consumerSecret, CancellationToken cancellationToken) =>
        config.SetAsync([new(ConsumerKeyName, protector.Protect(consumerKey)), new(ConsumerSecretName, protector.Protect(consumerSecret))],
            cancellationToken);
}
