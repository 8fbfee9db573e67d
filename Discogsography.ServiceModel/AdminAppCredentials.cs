using System.ComponentModel.DataAnnotations;

namespace Discogsography.ServiceModel;

/// <summary>The Discogs app credentials, masked exactly as <c>discogs-setup --show</c> masks them.</summary>
[Route("/api/admin/app-credentials", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class GetAppCredentials : IReturn<AppCredentialsResponse>;

/// <summary>Stores the Discogs app credentials (encrypted when <c>OAUTH_ENCRYPTION_KEY</c> is set), as <c>discogs-setup</c> does.</summary>
[Route("/api/admin/app-credentials", "PUT"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
[ErrorResponse(400, "The key or the secret is blank")]
public class SetAppCredentials : IReturn<AppCredentialsResponse>
{
    /// <summary>The Discogs application's consumer key (https://www.discogs.com/settings/developers).</summary>
    [MinLength(1), MaxLength(MaxCredentialLength)]
    public required string ConsumerKey { get; set; }

    /// <summary>The Discogs application's consumer secret; stored encrypted when a key is configured.</summary>
    [MinLength(1), MaxLength(MaxCredentialLength)]
    public required string ConsumerSecret { get; set; }

    /// <summary>Discogs consumer keys and secrets are a few dozen characters; anything longer is a mistake.</summary>
    public const int MaxCredentialLength = 1024;
}

public class AppCredentialsResponse
{
    /// <summary>Masked: <c>(not set)</c>, <c>****</c>, or <c>ab****yz</c>.</summary>
    public required string ConsumerKey { get; set; }

    /// <summary>The consumer secret, masked as `discogs-setup --show` masks it.</summary>
    public required string ConsumerSecret { get; set; }

    /// <summary>Both are set.</summary>
    public bool Configured { get; set; }

    /// <summary>Whether values are stored Fernet-encrypted (<c>OAUTH_ENCRYPTION_KEY</c> is set).</summary>
    public bool EncryptedAtRest { get; set; }
}
