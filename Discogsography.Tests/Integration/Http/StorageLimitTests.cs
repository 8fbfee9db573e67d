using System.Net;
using Dapper;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Http;

/// <summary>Every string the service stores is checked against its column before PostgreSQL sees it; none reaches it as a 500.</summary>
public sealed class StorageLimitTests : ApiTest
{
    [Test]
    public async Task A_300_character_service_user_id_is_a_422_and_nothing_is_stored()
    {
        await Accounts.RegisterAndLoginAsync(Client, "keys@example.com");

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new CreateApiKey
        {
            ServiceName = ApiKeyServiceNames.Discogs, ApiKey = "key", ServiceUserId = new string('u', 300),
        }))!;

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(error.FieldErrors.Single().Field, Is.EqualTo("service_user_id"));
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM user_api_keys"), Is.Zero);
    }

    [Test]
    public async Task A_failed_login_for_an_absurdly_long_email_keeps_only_320_characters_of_it_in_the_audit_log()
    {
        var email = new string('a', 5000) + "@example.com";

        Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new Login { Email = email, Password = "wrong password" }));

        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var stored = await connection.ExecuteScalarAsync<string>("SELECT details->>'email' FROM audit_log WHERE action = 'login_failure'");
        Assert.That(stored, Has.Length.EqualTo(320));
    }

    [Test]
    public async Task A_value_PostgreSQL_refuses_is_a_422_with_a_log_line_never_a_500()
    {
        using var response = await Http.GetAsync("/test/fail/data-error");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"detail":"A value is too long or not valid for this field"}"""));
        Assert.That(Host.Logs.Lines, Has.Some.Contains("PostgreSQL refused a value (22012) while answering GET /test/fail/data-error"));
    }
}
