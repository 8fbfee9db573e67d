using System.Security.Cryptography;
using System.Globalization;
using OtpNet;

namespace Discogsography.ServiceInterface.Auth.TwoFactor;

/// <summary>
/// Time-based one-time codes (RFC 6238, https://www.rfc-editor.org/rfc/rfc6238) through Otp.NET, with the parameters
/// authenticator apps assume and the upstream uses (REFERENCE-UPSTREAM.md §B.5.1): HMAC-SHA1, six digits, 30-second
/// steps from the Unix epoch, one step of drift either way. Unlike the upstream, a code is accepted once: the caller
/// passes the step of the last accepted code and only later steps match.
/// </summary>
public sealed class TotpCodes(TimeProvider time)
{
    /// <summary>160 bits, as RFC 4226 §4 recommends: 32 base32 characters.</summary>
    private const int SecretBytes = 20;

    private static readonly VerificationWindow OneStepEitherWay = new(previous: 1, future: 1);

    /// <summary>A new shared secret, base32 without padding (uppercase A–Z, 2–7).</summary>
    public static string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>
    /// The time step <paramref name="code"/> belongs to, or null when it matches no step of the window after
    /// <paramref name="lastAcceptedStep"/>. Decimal digits of any script count as their value (the upstream
    /// NFKC-normalises, which turns full-width digits into ASCII ones; we run without ICU, so the digits are mapped
    /// directly), and Otp.NET compares in constant time.
    /// </summary>
    public long? Match(string secret, string code, long? lastAcceptedStep)
    {
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, AsciiDigits(code), out var step, OneStepEitherWay))
            return null;
        return lastAcceptedStep is { } last && step <= last ? null : step;
    }

    private static string AsciiDigits(string code) =>
        string.Concat(code.Select(c => CharUnicodeInfo.GetDecimalDigitValue(c) is var digit and >= 0 ? (char)('0' + digit) : c));

    /// <summary>
    /// The <c>otpauth://</c> key URI authenticator apps read
    /// (https://github.com/google/google-authenticator/wiki/Key-Uri-Format). The account label is percent-encoded,
    /// which the upstream forgot; the parameters are the apps' defaults, so none are sent.
    /// </summary>
    public static string KeyUri(string issuer, string account, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account).Replace("%40", "@", StringComparison.Ordinal)}"
        + $"?secret={secret}&issuer={Uri.EscapeDataString(issuer)}";
}
