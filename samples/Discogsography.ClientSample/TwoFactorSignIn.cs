using System.Text.RegularExpressions;
using Discogsography.ServiceModel;

/// <summary>
/// Two-factor sign-in with the typed client: turn it on with a code from an authenticator app, then sign in with the
/// password and a code (or a recovery code). Codes are read from the console, as a real client would ask for them.
/// </summary>
internal static partial class TwoFactorSignIn
{
    /// <summary>Turns 2FA on for the signed-in account (unless it is on), then signs in again with two factors.</summary>
    public static async Task DemonstrateAsync(JsonApiClient client, string email, string password)
    {
        if (!(await client.SendAsync(new GetMe())).TotpEnabled)
            await EnableAsync(client);
        var login = await LogInAsync(client, email, password);
        client.BearerToken = login.AccessToken;
        client.RefreshToken = login.RefreshToken;
        Console.WriteLine(login.Warning ?? "Signed in with two factors.");
    }

    /// <summary>Sets up and confirms 2FA for the signed-in account; the recovery codes to keep.</summary>
    public static async Task<List<string>> EnableAsync(JsonApiClient client)
    {
        var setup = await client.SendAsync(new SetUpTwoFactor());
        Console.WriteLine($"Add this key to your authenticator app: {setup.OtpauthUri}");
        Console.WriteLine($"Recovery codes (each works once): {string.Join(' ', setup.RecoveryCodes)}");
        await client.SendAsync(new ConfirmTwoFactor { Code = Ask("Code from the app: ") });
        Console.WriteLine("2FA is on.");
        return setup.RecoveryCodes;
    }

    /// <summary>Logs in; when the account has 2FA, answers the challenge with a code from the app or a recovery code.</summary>
    public static async Task<LoginResponse> LogInAsync(JsonApiClient client, string email, string password)
    {
        var login = await client.SendAsync(new Login { Email = email, Password = password });
        if (login.RequiresTwoFactor != true)
            return login;
        var code = Ask("Code from the app, or a recovery code: ");
        return SixDigits().IsMatch(code)
            ? await client.SendAsync(new VerifyTwoFactor { ChallengeToken = login.ChallengeToken!, Code = code })
            : await client.SendAsync(new RecoverTwoFactor { ChallengeToken = login.ChallengeToken!, Code = code });
    }

    private static string Ask(string prompt)
    {
        Console.Write(prompt);
        return (Console.ReadLine() ?? "").Trim();
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SixDigits();
}
