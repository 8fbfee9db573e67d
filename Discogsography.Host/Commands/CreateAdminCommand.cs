using System.CommandLine;
using System.Text;
using Discogsography.ServiceInterface.Admin;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceInterface.Validators;

namespace Discogsography.Host.Commands;

/// <summary>
/// <c>create-admin --email EMAIL [--promote-existing]</c>: creates an administrator, or — only when asked — promotes
/// the existing account with that email (see <see cref="AdministratorAccounts"/>). The password comes from
/// <c>ADMIN_PASSWORD</c> or standard input (asked twice on a terminal, hidden) — never from the command line, where
/// it would show in process lists and shell history.
/// </summary>
internal static class CreateAdminCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The administrator's email address.", Required = true };
        var promote = new Option<bool>("--promote-existing")
        {
            Description = "If the email already has an account, make it an administrator with the given password (its sessions end).",
        };
        var command = new Command("create-admin", "Create an administrator (password from ADMIN_PASSWORD or stdin).") { email, promote };
        command.SetAction((parse, cancellationToken) =>
            CommandGuard.RunAsync(() => RunAsync(parse.GetRequiredValue(email), parse.GetValue(promote), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string rawEmail, bool promoteExisting, CancellationToken cancellationToken)
    {
        if (!RegisterValidator.IsValidEmail(rawEmail))
            return Fail($"Invalid email address: {rawEmail}");
        var email = RegisterValidator.Normalize(rawEmail);
        var password = ReadPassword();
        if (password is null)
            return Fail("The two passwords differ.");
        if (password.EnumerateRunes().Count() < ServiceModel.AccountRules.MinimumPasswordLength)
            return Fail($"The password must have at least {ServiceModel.AccountRules.MinimumPasswordLength} characters (set ADMIN_PASSWORD or pipe it on stdin).");
        await using var services = await CommandServices.StartAsync(cancellationToken);
        var outcome = await services.GetRequiredService<AdministratorAccounts>().CreateOrPromoteAsync(email, password, promoteExisting,
            cancellationToken);
        switch (outcome)
        {
            case AdministratorOutcome.RefusedExisting:
                return Fail($"An account with the email {email} already exists. To make it an administrator with this password "
                            + "(its sessions end), run again with --promote-existing.");
            case AdministratorOutcome.Promoted:
                Console.WriteLine($"✅ Promoted the existing account {email} to admin; its password is now the one given and its sessions have ended.");
                if (services.GetRequiredService<IKeyValueStore>().Kind != "redis")
                    Console.WriteLine("Note: REDIS_HOST is not set here, so access tokens already issued to this account stay valid until they "
                                      + "expire (JWT_EXPIRE_MINUTES); its sessions can no longer be refreshed.");
                return 0;
            default:
                Console.WriteLine($"✅ Created admin user {email}.");
                return 0;
        }
    }

    /// <summary>The password from the environment, a pipe, or a terminal (typed twice); null when the two typings differ.</summary>
    private static string? ReadPassword()
    {
        if (Environment.GetEnvironmentVariable("ADMIN_PASSWORD") is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        if (Console.IsInputRedirected)
            return Console.In.ReadLine() ?? "";
        var first = ReadHidden("Password: ");
        return ReadHidden("Repeat the password: ") == first ? first : null;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
                password.Length--;
            else if (!char.IsControl(key.KeyChar))
                password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
