using Discogsography.ServiceInterface.Configuration;

namespace Discogsography.Tests.Unit;

/// <summary>REFERENCE-API.md §1.3 and §15.22: names, defaults, _FILE secrets, and one line for what is missing.</summary>
public sealed class SettingsTests
{
    private static readonly Dictionary<string, string> Required = new()
    {
        ["POSTGRES_HOST"] = "db:5433",
        ["POSTGRES_USERNAME"] = "user",
        ["POSTGRES_PASSWORD"] = "pass",
        ["POSTGRES_DATABASE"] = "mydb",
        ["JWT_SECRET_KEY"] = Infrastructure.TestTokens.Secret,
    };

    [Test]
    public void All_required_variables_pass_through_and_the_rest_take_the_reference_defaults()
    {
        var settings = Load(Required);

        Assert.Multiple(() =>
        {
            Assert.That((settings.Postgres.Host, settings.Postgres.Port, settings.Postgres.Database), Is.EqualTo(("db", 5433, "mydb")));
            Assert.That(settings.Jwt.ExpireMinutes, Is.EqualTo(30));
            Assert.That(settings.Discogs.UserAgent, Is.EqualTo("discogsography/1.0 +https://github.com/SimplicityGuy/discogsography"));
            Assert.That(settings.Discogs.ApiUrl, Is.EqualTo("https://api.discogs.com"));
            Assert.That(settings.Discogs.WebUrl, Is.EqualTo("https://www.discogs.com"));
            Assert.That((settings.Snapshots.TtlDays, settings.Snapshots.MaxNodes), Is.EqualTo((28, 100)));
            Assert.That(settings.Hosting.CorsOrigins, Is.EqualTo(new[] { "http://localhost:3000", "http://localhost:8003" }));
            Assert.That((settings.Hosting.ApiPort, settings.Hosting.HealthPort), Is.EqualTo((8004, 8005)));
            Assert.That(settings.RedisUrl, Is.Null, "without REDIS_HOST the in-memory store is used");
            Assert.That(settings.OAuthEncryptionKey, Is.Null);
        });
    }

    [Test]
    public void Every_missing_required_variable_is_named_in_the_reference_order()
    {
        var error = Assert.Throws<SettingsException>(() => Load(new Dictionary<string, string> { ["POSTGRES_HOST"] = "db:5432" }))!;

        Assert.That(error.Message,
            Is.EqualTo("Missing required environment variables: POSTGRES_USERNAME, POSTGRES_PASSWORD, POSTGRES_DATABASE, JWT_SECRET_KEY"));
    }

    [Test]
    public void An_empty_value_counts_as_missing()
    {
        var error = Assert.Throws<SettingsException>(() => Load(With("JWT_SECRET_KEY", "")))!;

        Assert.That(error.Message, Is.EqualTo("Missing required environment variables: JWT_SECRET_KEY"));
    }

    [Test]
    public void A_secret_is_read_from_its_FILE_variable_and_stripped()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "  from-file-" + Infrastructure.TestTokens.Secret + " \n");
        var environment = With("JWT_SECRET_KEY", "");
        environment["JWT_SECRET_KEY_FILE"] = file;

        var settings = Load(environment);

        File.Delete(file);
        Assert.That(settings.Jwt.SecretKey, Is.EqualTo("from-file-" + Infrastructure.TestTokens.Secret));
    }

    [Test]
    public void An_unreadable_secret_file_is_named()
    {
        var environment = With("POSTGRES_PASSWORD_FILE", "/no/such/file");

        var error = Assert.Throws<SettingsException>(() => Load(environment))!;

        Assert.That(error.Message, Is.EqualTo("Cannot read secret file for POSTGRES_PASSWORD: '/no/such/file'"));
    }

    [TestCase("not-a-number", 30)]
    [TestCase("60", 60)]
    public void JWT_EXPIRE_MINUTES_falls_back_to_30_when_it_is_not_an_integer(string value, int expected)
    {
        Assert.That(Load(With("JWT_EXPIRE_MINUTES", value)).Jwt.ExpireMinutes, Is.EqualTo(expected));
    }

    [Test]
    public void CORS_ORIGINS_is_split_on_commas_trimmed_and_empty_items_dropped()
    {
        var settings = Load(With("CORS_ORIGINS", " https://a.example , ,https://b.example,"));

        Assert.That(settings.Hosting.CorsOrigins, Is.EqualTo(new[] { "https://a.example", "https://b.example" }));
    }

    [TestCase("db:5432", "db", 5432)]
    [TestCase("myhost", "myhost", 5432)]
    [TestCase("10.0.0.1:6000", "10.0.0.1", 6000)]
    [TestCase("[::1]:5433", "::1", 5433)]
    public void POSTGRES_HOST_is_split_on_its_last_colon(string value, string host, int port)
    {
        Assert.That(AppSettingsLoader.SplitHostPort(value), Is.EqualTo((host, port)));
    }

    [Test]
    public void An_invalid_OAUTH_ENCRYPTION_KEY_stops_startup_and_a_valid_one_is_kept()
    {
        var invalid = Assert.Throws<SettingsException>(() => Load(With("OAUTH_ENCRYPTION_KEY", "not-a-key")))!;
        var key = ServiceInterface.Security.Fernet.GenerateKey();

        Assert.That(invalid.Message, Does.StartWith("OAUTH_ENCRYPTION_KEY must be a Fernet key"));
        Assert.That(Load(With("OAUTH_ENCRYPTION_KEY", key)).OAuthEncryptionKey, Is.EqualTo(key));
    }

    [Test]
    public void An_invalid_port_stops_startup_naming_the_variable()
    {
        var error = Assert.Throws<SettingsException>(() => Load(With("API_PORT", "eighty")))!;

        Assert.That(error.Message, Does.StartWith("API_PORT must be a port number"));
    }

    [TestCase("32")]
    [TestCase("lots")]
    public void IMPORT_BUILD_MEMORY_MB_below_64_or_not_a_number_stops_startup(string value)
    {
        var error = Assert.Throws<SettingsException>(() => Load(With("IMPORT_BUILD_MEMORY_MB", value)))!;

        Assert.That(error.Message, Is.EqualTo($"IMPORT_BUILD_MEMORY_MB must be a number of megabytes of at least 64, got '{value}'"));
        Assert.That(Load(With("IMPORT_BUILD_MEMORY_MB", "4096")).Imports.BuildMemoryMegabytes, Is.EqualTo(4096));
        Assert.That(Load(Required).Imports.BuildMemoryMegabytes, Is.EqualTo(1024));
    }

    [TestCase("0")]
    [TestCase("two")]
    public void IMPORT_BUILD_WORKERS_below_1_or_not_a_number_stops_startup(string value)
    {
        var error = Assert.Throws<SettingsException>(() => Load(With("IMPORT_BUILD_WORKERS", value)))!;

        Assert.That(error.Message, Is.EqualTo($"IMPORT_BUILD_WORKERS must be a number of at least 1, got '{value}'"));
        Assert.That(Load(With("IMPORT_BUILD_WORKERS", "1")).Imports.BuildWorkers, Is.EqualTo(1));
        Assert.That(Load(Required).Imports.BuildWorkers, Is.Null);
    }

    private static Dictionary<string, string> With(string name, string value) => new(Required) { [name] = value };

    private static AppSettings Load(Dictionary<string, string> environment) =>
        AppSettingsLoader.Load(new EnvironmentReader(name => environment.GetValueOrDefault(name)));
}
