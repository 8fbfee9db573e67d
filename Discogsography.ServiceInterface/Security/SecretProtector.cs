using Discogsography.ServiceInterface.Configuration;

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

    /// <summary>The plaintext of a stored value: decrypted without a TTL, or the stored text itself on any failure.</summary>
    public string Unprotect(string stored)
    {
        if (fernet is null)
            return stored;
        try
        {
            return fernet.DecryptString(stored, time.GetUtcNow());
        }
        catch (InvalidFernetTokenException)
        {
            return stored;
        }
    }
}
