using System.CommandLine;
using System.Text;
using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Validators;
using Microsoft.Extensions.Logging.Abstractions;

namespace Discogsography.Host.Commands;

/// <summary>
/// <c>create-admin --email EMAIL</c>: creates an administrator, or promotes an existing user. The password of a
/// new account comes from <c>ADMIN_PASSWORD</c> or standard input (a hidden prompt on a terminal) — never from
/// the command line, where it would show in process lists and shell history.
/// </summary>
internal static class CreateAdminCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The administrator's email address.", Required = true };
        var command = new Command("create-admin", "Create an administrator, or promote an existing user (password from ADMIN_PASSWORD or stdin).") { email };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(() => RunAsync(parse.GetRequiredValue(email), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string rawEmail, CancellationToken cancellationToken)
    {
        if (!RegisterValidator.IsValidEmail(rawEmail))
            return Fail($"Invalid email address: {rawEmail}");
        var email = RegisterValidator.Normalize(rawEmail);
        var postgres = AppSettingsLoader.LoadPostgres(EnvironmentReader.FromProcess());
        await using var dataSource = PostgresDataSource.Create(postgres);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
        var users = new UserQueries(dataSource);
        var audit = new AuditLog(dataSource);
        if (await users.FindByEmailAsync(email, cancellationToken) is { } existing)
        {
            await users.SetAdminAsync(existing.Id, true, cancellationToken);
            await audit.RecordAsync(new AuditEntry("admin_promote", existing.Id, "user", existing.Id.ToString()), null, "create-admin", cancellationToken);
            Console.WriteLine($"✅ Promoted existing user {email} to admin (password unchanged).");
            return 0;
        }
        var password = ReadPassword();
        if (password is null || password.EnumerateRunes().Count() < 8)
            return Fail("The password must have at least 8 characters (set ADMIN_PASSWORD or pipe it on stdin).");
        var id = await users.InsertAsync(email, PasswordHasher.Hash(password), isAdmin: true, cancellationToken);
        await audit.RecordAsync(new AuditEntry("admin_create", id, "user", id?.ToString()), null, "create-admin", cancellationToken);
        Console.WriteLine($"✅ Created admin user {email}.");
        return 0;
    }

    private static string? ReadPassword()
    {
        if (Environment.GetEnvironmentVariable("ADMIN_PASSWORD") is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        if (Console.IsInputRedirected)
            return Console.In.ReadLine();
        Console.Write("Password: ");
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
