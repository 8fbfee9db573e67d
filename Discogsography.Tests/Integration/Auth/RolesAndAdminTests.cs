using System.Net;
using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Pipeline;
using Discogsography.Tests.Integration.Process;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>The admin role: the is_admin column, the role claim, 403s and the create-admin verb.</summary>
public sealed class RolesAndAdminTests : ApiTest
{
    [Test]
    public async Task An_admin_logs_in_with_a_role_claim_and_passes_admin_routes_a_user_gets_403()
    {
        await Accounts.RegisterAndLoginAsync(Client, "user@example.com");
        var userError = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetAdminProbe()))!;
        await Client.SendAsync(new Register { Email = "boss@example.com", Password = Accounts.Password });
        await Accounts.SetFlagsAsync("boss@example.com", isAdmin: true);

        var login = await Client.SendAsync(new Login { Email = "boss@example.com", Password = Accounts.Password });
        Client.BearerToken = login.AccessToken;

        Assert.That((userError.StatusCode, userError.ResponseBody), Is.EqualTo((HttpStatusCode.Forbidden, """{"detail":"Admin privileges required"}""")));
        Assert.That((await JwtCodec.FromSecret(TestTokens.Secret).DecodeAsync(login.AccessToken)).Role, Is.EqualTo(Roles.Admin));
        Assert.That((await Client.SendAsync(new GetMe())).IsAdmin, Is.True);
        Assert.DoesNotThrowAsync(() => Client.SendAsync(new GetAdminProbe()));
    }

    [Test]
    public async Task Create_admin_reads_the_password_from_stdin_and_the_account_can_log_in_as_admin()
    {
        var result = await RunCreateAdminAsync("--email", "Root@Example.com", stdin: "stdin-password-123\n");

        var login = await Client.SendAsync(new Login { Email = "root@example.com", Password = "stdin-password-123" });

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Contain("Created admin user root@example.com"));
        Assert.That((await JwtCodec.FromSecret(TestTokens.Secret).DecodeAsync(login.AccessToken)).Role, Is.EqualTo(Roles.Admin));
    }

    [Test]
    public async Task Create_admin_promotes_an_existing_user_without_touching_the_password()
    {
        await Client.SendAsync(new Register { Email = "promote@example.com", Password = Accounts.Password });

        var result = await RunCreateAdminAsync("--email", "promote@example.com", environment: new() { ["ADMIN_PASSWORD"] = "ignored-password" });

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Contain("Promoted existing user promote@example.com to admin (password unchanged)"));
        Client.BearerToken = (await Client.SendAsync(new Login { Email = "promote@example.com", Password = Accounts.Password })).AccessToken;
        Assert.That((await Client.SendAsync(new GetMe())).IsAdmin, Is.True);
    }

    [Test]
    public async Task Create_admin_refuses_a_short_password_and_an_invalid_email()
    {
        var shortPassword = await RunCreateAdminAsync("--email", "a@example.com", environment: new() { ["ADMIN_PASSWORD"] = "short" });
        var badEmail = await RunCreateAdminAsync("--email", "not-an-email", environment: new() { ["ADMIN_PASSWORD"] = "long-enough-password" });

        Assert.That((shortPassword.ExitCode, badEmail.ExitCode), Is.EqualTo((1, 1)));
        Assert.That(shortPassword.Error, Does.Contain("at least 8 characters"));
        Assert.That(badEmail.Error, Does.Contain("Invalid email address"));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunCreateAdminAsync(
        string option, string email, string? stdin = null, Dictionary<string, string>? environment = null)
    {
        var env = HostProcess.PostgresEnvironment(Host.Settings.Postgres);
        foreach (var (name, value) in environment ?? [])
            env[name] = value;
        using var process = HostProcess.Start(env, "create-admin", option, email);
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output, await error);
    }
}
