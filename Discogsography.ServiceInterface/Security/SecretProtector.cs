using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Infrastructure;

namespace Discogsography.ServiceInterface.Security;

/// <summary>
/// Secrets at rest (Discogs tokens, app credentials, stored API keys), as the reference keeps them
/// (REFERENCE-API.md §6.1, REFERENCE-UPSTREAM.md §B.1): Fernet-encrypted when a key is configured, plaintext
/// otherwise. With <c>ENCRYPTION_MASTER_KEY</c> the key derived for OAuth tokens encrypts, and <c>OAUTH_ENCRYPTION_KEY</c>,
/// when also set, still reads what it encrypted; without it <c>OAUTH_ENCRYPTION_KEY</c> does both. Text stored before
/// any key existed is read as it is.
/// </summary>
public sealed class SecretProtector(IReadOnlyList<Fernet> keys, string settings, TimeProvider time)
{
    /// <summary>The one-line startup error for a key that is not a Fernet key.</summary>
    public const string InvalidKeyMessage =
        "OAUTH_ENCRYPTION_KEY must be a Fernet key: 32 url-safe base64-encoded bytes (generate one with: head -c 32 /dev/urandom | base64 | tr '+/' '-_')";

    /// <summary>The setting of the older key.</summary>
    public const string KeySetting = "OAUTH_ENCRYPTION_KEY";

    /// <summary>A protector for the configured keys (either may be null); an invalid key stops startup.</summary>
    public static SecretProtector Create(string? oauthKey, TimeProvider time, string? masterKey = null)
    {
        if (oauthKey is not null && !Fernet.IsValidKey(oauthKey))
            throw new SettingsException(InvalidKeyMessage);
        if (masterKey is not null && !MasterKey.IsValid(masterKey))
            throw new SettingsException(MasterKey.InvalidMessage);
        var keys = new[] { masterKey is null ? null : MasterKey.Derive(masterKey, MasterKey.OAuthPurpose), oauthKey }
            .OfType<string>().Select(k => new Fernet(k)).ToList();
        var settings = string.Join(" or ",
            new[] { masterKey is null ? null : MasterKey.Setting, oauthKey is null ? null : KeySetting }.OfType<string>());
        return new SecretProtector(keys, settings.Length > 0 ? settings : $"{MasterKey.Setting} or {KeySetting}", time);
    }

    /// <summary>True when values are encrypted.</summary>
    public bool Encrypts => keys.Count > 0;

    /// <summary>The form to store: a Fernet token under the first key, or the plaintext when no key is configured.</summary>
    public string Protect(string plaintext) => keys.Count > 0 ? keys[0].Encrypt(plaintext, time.GetUtcNow()) : plaintext;

    /// <summary>
    /// The plaintext of a stored value: decrypted without a TTL by whichever key wrote it; text stored before a key
    /// was configured is returned as it is. An encrypted value no configured key can read (a key changed, or is gone)
    /// is never passed off as plaintext: <see cref="ServiceMisconfiguredException"/> names the settings.
    /// </summary>
    public string Unprotect(string stored)
    {
        if (!Fernet.IsTokenShaped(stored))
            return stored;
        if (keys.Count == 0)
            throw new ServiceMisconfiguredException(settings, $"A stored secret is encrypted but no key is set ({settings})");
        foreach (var key in keys)
        {
            try
            {
                return key.DecryptString(stored, time.GetUtcNow());
            }
            catch (InvalidFernetTokenException)
            {
            }
        }
        throw new ServiceMisconfiguredException(settings,
            $"A stored secret does not decrypt with the configured {settings}: was a key changed?");
    }
}
