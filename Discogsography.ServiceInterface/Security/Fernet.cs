using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Discogsography.ServiceInterface.Security;

/// <summary>A token that is not a valid Fernet token for the key (or is too old). The reason is never shown to clients.</summary>
public sealed class InvalidFernetTokenException(string reason) : Exception($"Invalid Fernet token: {reason}");

/// <summary>
/// Fernet symmetric encryption, as specified in https://github.com/fernet/spec/blob/master/Spec.md and implemented
/// by Python's <c>cryptography</c>: version 0x80 ‖ timestamp (big-endian seconds) ‖ IV ‖ AES-128-CBC/PKCS7
/// ciphertext ‖ HMAC-SHA256 over all of that, in url-safe base64 with padding. The key is 32 url-safe base64
/// bytes: the first half signs, the second half encrypts.
/// </summary>
public sealed class Fernet
{
    private const byte Version = 0x80;
    private const int HeaderLength = 1 + 8 + 16;
    private const int MacLength = 32;

    /// <summary>How far in the future a token's timestamp may be when a TTL is checked (cryptography's _MAX_CLOCK_SKEW).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(60);

    private readonly byte[] signingKey;
    private readonly byte[] encryptionKey;

    /// <summary>A Fernet for <paramref name="key"/>; throws <see cref="FormatException"/> unless it is 32 url-safe base64 bytes.</summary>
    public Fernet(string key)
    {
        var bytes = DecodeKey(key);
        signingKey = bytes[..16];
        encryptionKey = bytes[16..];
    }

    /// <summary>True when <paramref name="key"/> is a valid Fernet key.</summary>
    public static bool IsValidKey(string key)
    {
        try
        {
            DecodeKey(key);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A new random key, as <c>Fernet.generate_key()</c> makes them.</summary>
    public static string GenerateKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_');

    /// <summary>Encrypts the UTF-8 bytes of <paramref name="plaintext"/> with a random IV at <paramref name="now"/>.</summary>
    public string Encrypt(string plaintext, DateTimeOffset now) =>
        Encrypt(Encoding.UTF8.GetBytes(plaintext), now, RandomNumberGenerator.GetBytes(16));

    /// <summary>Encrypts with a given IV and time (deterministic: the spec's generation vectors use this).</summary>
    public string Encrypt(byte[] plaintext, DateTimeOffset now, byte[] iv)
    {
        using var aes = Aes.Create();
        aes.Key = encryptionKey;
        var ciphertext = aes.EncryptCbc(plaintext, iv, PaddingMode.PKCS7);
        var token = new byte[HeaderLength + ciphertext.Length + MacLength];
        token[0] = Version;
        BinaryPrimitives.WriteUInt64BigEndian(token.AsSpan(1, 8), (ulong)now.ToUnixTimeSeconds());
        iv.CopyTo(token, 9);
        ciphertext.CopyTo(token, HeaderLength);
        HMACSHA256.HashData(signingKey, token.AsSpan(0, HeaderLength + ciphertext.Length), token.AsSpan(HeaderLength + ciphertext.Length));
        return Convert.ToBase64String(token).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// True when <paramref name="text"/> has a Fernet token's shape (version byte, lengths): text stored without a key
    /// never does, so a value of this shape that does not decrypt was encrypted under another key.
    /// </summary>
    public static bool IsTokenShaped(string text) =>
        DecodeUrlSafe(text) is { } data && data.Length >= HeaderLength + 16 + MacLength && data[0] == Version
        && (data.Length - HeaderLength - MacLength) % 16 == 0;

    /// <summary>Decrypts to a string; <paramref name="ttl"/> (optional) bounds the token's age.</summary>
    public string DecryptString(string token, DateTimeOffset now, TimeSpan? ttl = null) =>
        Encoding.UTF8.GetString(Decrypt(token, now, ttl));

    /// <summary>Verifies and decrypts, in the order the spec and <c>cryptography</c> check: format, time, MAC, padding.</summary>
    public byte[] Decrypt(string token, DateTimeOffset now, TimeSpan? ttl = null)
    {
        var data = DecodeToken(token);
        if (data.Length < HeaderLength + MacLength || data[0] != Version || (data.Length - HeaderLength - MacLength) % 16 != 0)
            throw new InvalidFernetTokenException("malformed");
        var timestamp = DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(1, 8)),
            253402300799));
        if (ttl is { } maxAge && (timestamp + maxAge < now || now + MaxClockSkew < timestamp))
            throw new InvalidFernetTokenException(timestamp + maxAge < now ? "expired" : "timestamp in the future");
        var signed = data.AsSpan(0, data.Length - MacLength);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(signingKey, signed), data.AsSpan(data.Length - MacLength)))
            throw new InvalidFernetTokenException("incorrect MAC");
        using var aes = Aes.Create();
        aes.Key = encryptionKey;
        try
        {
            return aes.DecryptCbc(data.AsSpan(HeaderLength, data.Length - HeaderLength - MacLength), data.AsSpan(9, 16), PaddingMode.PKCS7);
        }
        catch (CryptographicException)
        {
            throw new InvalidFernetTokenException("padding");
        }
    }

    private static byte[] DecodeKey(string key)
    {
        var bytes = DecodeUrlSafe(key.Trim()) ?? throw new FormatException("Fernet key must be 32 url-safe base64-encoded bytes.");
        return bytes.Length == 32 ? bytes : throw new FormatException("Fernet key must be 32 url-safe base64-encoded bytes.");
    }

    private static byte[] DecodeToken(string token) => DecodeUrlSafe(token) ?? throw new InvalidFernetTokenException("not url-safe base64");

    /// <summary>Url-safe base64, padding optional as Python's decoder tolerates; null for anything else.</summary>
    private static byte[]? DecodeUrlSafe(string text)
    {
        if (text.Length == 0 || text.Any(c => c is '+' or '/' || char.IsWhiteSpace(c)))
            return null;
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '=');
        try
        {
            return Convert.FromBase64String(standard);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
