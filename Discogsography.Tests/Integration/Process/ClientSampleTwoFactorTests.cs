using System.Text.RegularExpressions;
using Discogsography.Tests.Integration.AccountSecurity;

namespace Discogsography.Tests.Integration.Process;

/// <summary>The client sample's two-factor sign-in, answered as a person with an authenticator app would.</summary>
public sealed partial class ClientSampleTwoFactorTests : TwoFactorHostTest
{
    [Test]
    public async Task The_sample_turns_on_2fa_and_signs_in_again_with_a_recovery_code()
    {
        using var process = ClientSampleTests.StartSample(TwoFactorHost.ApiUrl.ToString(), "two-factor@example.com", "Nobody At All",
            "--2fa");
        var keyLine = await process.StandardOutput.ReadLineAsync();
        var recoveryLine = await process.StandardOutput.ReadLineAsync();
        var secret = SecretOf().Match(keyLine ?? "").Groups["secret"].Value;
        var recoveryCode = recoveryLine!.Split(' ').Last();
        await process.StandardInput.WriteLineAsync(CodeFor(secret));
        await process.StandardInput.WriteLineAsync(recoveryCode);
        process.StandardInput.Close();

        var (exitCode, output) = await ClientSampleTests.OutputOfAsync(process, process.StandardOutput.ReadToEndAsync());

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(keyLine, Does.StartWith("Add this key to your authenticator app: otpauth://totp/Discogsography:two-factor@example.com?secret="));
        Assert.That(output, Does.Contain("2FA is on.").And.Contain("Signed in with two factors.").And.Contain("Artist 'Nobody At All' not found"));
    }

    [GeneratedRegex("secret=(?<secret>[A-Z2-7]+)")]
    private static partial Regex SecretOf();
}
