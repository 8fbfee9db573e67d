using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Infrastructure;

namespace Discogsography.ServiceInterface.Security;

/// <summary>
/// Secrets at rest (Discogs tokens, app credentials, stored API keys), as the reference keeps them
/// (REFERENCE-API.md §6.1): Fernet-encrypted when <c>OAUTH_ENCRYPTION_KEY</c> is set, plaintext otherwise; reading
/// falls back to the stored text when it is not a token for this key (values written before a key existed).
/// </summary>
public sealed class SecretProtector(Fernet? fernet, TimeProvider time)
{
    /// <summary>The one-line startup error for a key that is not a Fernet key.</summary>
    public const string InvalidKeyMessage =
        "OAUTH_ENCRYPTION_KEY must be a Fernet key: 32 url-safe base64-encoded bytes (generate one with: head -c 32 /dev/urandom | base64 | tr '+/' '-_')";

    /// <summary>A protector for the configured key; an invalid key stops startup.</summary>
    public static SecretProtector Create(string? key, TimeProvider time)
    {
        if (key is null)
            return new SecretProtector(null, time);
        return Fernet.IsValidKey(key)
            ? new SecretProtector(new Fernet(key), time)
            : throw new SettingsException(InvalidKeyMessage);
    }

    /// <summary>True when values are encrypted.</summary>
    public bool Encrypts => fernet is not null;

    /// <summary>The form to store: a Fernet token, or the plaintext when no key is configured.</summary>
    public string Protect(string plaintext) => fernet?.Encrypt(plaintext, time.GetUtcNow()) ?? plaintext;

    /// <summary>
    /// The plaintext of a stored value: decrypted without a TTL; text stored before a key was configured is returned
    /// as it is. An encrypted value the configured key cannot read (the key changed, or is gone) is never passed off
    /// as plaintext: <see cref="ServiceMisconfiguredException"/> names the setting.
    /// </summary>
    public string Unprotect(string stored)
    {
        if (!Fernet.IsTokenShaped(stored))
            return stored;
        if (fernet is null)
            throw new ServiceMisconfiguredException(KeySetting, $"A stored secret is encrypted but {KeySetting} is not set");
        try
        {
            return fernet.DecryptString(stored, time.GetUtcNow());
        }
        catch (InvalidFernetTokenException e)
        {
            throw new ServiceMisconfiguredException(KeySetting, $"A stored secret does not decrypt with the configured {KeySetting} ({e.Message}): was the key changed?");
        }
    }

    /// <summary>The setting that holds the key.</summary>
    public const string KeySetting = "OAUTH_ENCRYPTION_KEY";
}
