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

        Assert.That((userError.StatusCode, userError.ResponseBody),
            Is.EqualTo((HttpStatusCode.Forbidden, """{"detail":"Admin privileges required"}""")));
        Assert.That((await JwtCodec.FromSecret(TestTokens.Secret).DecodeAsync(login.AccessToken!)).Role, Is.EqualTo(Roles.Admin));
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
        Assert.That((await JwtCodec.FromSecret(TestTokens.Secret).DecodeAsync(login.AccessToken!)).Role, Is.EqualTo(Roles.Admin));
    }

    [Test]
    public async Task Create_admin_will_not_hand_an_existing_account_to_whoever_registered_it_first()
    {
        var squatter = await Accounts.RegisterAndLoginAsync(Client, "admin@site.example");

        var result = await RunCreateAdminAsync("--email", "admin@site.example",
            environment: new() { ["ADMIN_PASSWORD"] = "operator-password-1" });

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("already exists").And.Contain("--promote-existing"));
        Assert.That((await Client.SendAsync(new GetMe())).IsAdmin, Is.False, "nothing changed");
        Assert.That(squatter.AccessToken, Is.Not.Empty);
    }

    [Test]
    public async Task Promoting_an_existing_account_gives_it_the_operators_password_and_ends_every_session_of_its_registrant()
    {
        var squatter = await Accounts.RegisterAndLoginAsync(Client, "admin@site.example");

        var result = await RunCreateAdminAsync("--email", "admin@site.example", "--promote-existing",
            environment: new() { ["ADMIN_PASSWORD"] = "operator-password-1", ["REDIS_HOST"] = TestServers.RedisUrl });

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Contain("Promoted the existing account admin@site.example to admin"));
        Assert.That(Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetMe()))!.ErrorMessage,
            Is.EqualTo("Token has been revoked"));
        Assert.That(Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new RefreshSession { RefreshToken = squatter.RefreshToken! }))!.StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new Login { Email = "admin@site.example", Password = Accounts.Password }))!.StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized), "the registrant's password no longer works");
        var login = await Client.SendAsync(new Login { Email = "admin@site.example", Password = "operator-password-1" });
        Assert.That((await JwtCodec.FromSecret(TestTokens.Secret).DecodeAsync(login.AccessToken!)).Role, Is.EqualTo(Roles.Admin));
    }

    [Test]
    public async Task Create_admin_refuses_a_short_password_and_an_invalid_email()
    {
        var shortPassword = await RunCreateAdminAsync("--email", "a@example.com", environment: new() { ["ADMIN_PASSWORD"] = "short" });
        var badEmail = await RunCreateAdminAsync("--email", "not-an-email",
            environment: new() { ["ADMIN_PASSWORD"] = "long-enough-password" });

        Assert.That((shortPassword.ExitCode, badEmail.ExitCode), Is.EqualTo((1, 1)));
        Assert.That(shortPassword.Error, Does.Contain("at least 8 characters"));
        Assert.That(badEmail.Error, Does.Contain("Invalid email address"));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunCreateAdminAsync(
        string option, string email, string? flag = null, string? stdin = null, Dictionary<string, string>? environment = null)
    {
        var env = HostProcess.PostgresEnvironment(Host.Settings.Postgres);
        foreach (var (name, value) in environment ?? [])
            env[name] = value;
        using var process = HostProcess.Start(env, flag is null ? ["create-admin", option, email] : ["create-admin", option, email, flag]);
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output, await error);
    }
}
