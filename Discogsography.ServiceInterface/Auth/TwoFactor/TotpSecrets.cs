using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Security;

namespace Discogsography.ServiceInterface.Auth.TwoFactor;

/// <summary>
/// TOTP secrets at rest: Fernet tokens under the key derived from <c>ENCRYPTION_MASTER_KEY</c> for
/// <c>totp-secrets</c> (REFERENCE-UPSTREAM.md §B.1). Without a master key two-factor routes answer 503; a stored
/// secret the key cannot read (the key was changed) is a misconfiguration that names the setting, never plaintext.
/// </summary>
public sealed class TotpSecrets(Fernet? key, TimeProvider time)
{
    /// <summary>The protector for the configured master key (null when unset; an invalid one stops startup).</summary>
    public static TotpSecrets Create(string? masterKey, TimeProvider time)
    {
        if (masterKey is not null && !MasterKey.IsValid(masterKey))
            throw new Configuration.SettingsException(MasterKey.InvalidMessage);
        return new TotpSecrets(masterKey is null ? null : new Fernet(MasterKey.Derive(masterKey, MasterKey.TotpPurpose)), time);
    }

    /// <summary>Throws the reference's 503 when no master key is configured.</summary>
    public void EnsureConfigured()
    {
        if (key is null)
            throw HttpError.ServiceUnavailable("Encryption not configured");
    }

    public string Protect(string secret)
    {
        EnsureConfigured();
        return key!.Encrypt(secret, time.GetUtcNow());
    }

    public string Unprotect(string stored)
    {
        EnsureConfigured();
        try
        {
            return key!.DecryptString(stored, time.GetUtcNow());
        }
        catch (InvalidFernetTokenException)
        {
            throw new ServiceMisconfiguredException(MasterKey.Setting,
                $"A stored TOTP secret does not decrypt with the configured {MasterKey.Setting}: was the key changed?");
        }
    }
}
