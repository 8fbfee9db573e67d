using Discogsography.ServiceModel;

namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// Base of tests against the shared host: each test starts with empty tables, an empty Redis, real time and no
/// captured logs, and gets a typed client and a raw HttpClient for what the typed client hides (headers, bytes).
/// </summary>
public abstract class ApiTest
{
    private HttpClient? http;

    /// <summary>The typed client, as users call the API.</summary>
    protected JsonApiClient Client { get; private set; } = null!;

    /// <summary>A raw client on the API port.</summary>
    protected HttpClient Http => http!;

    protected static TestHost Host => TestServers.Host;

    /// <summary>The shared host's settings on ports of their own, for a second host beside it.</summary>
    protected static ServiceInterface.Configuration.AppSettings SettingsOnFreshPorts() => Host.SettingsOnFreshPorts();

    [SetUp]
    public async Task ResetStateAsync()
    {
        await SharedState.ResetAsync();
        Host.Clock.Reset();
        Host.Logs.Clear();
        http = new HttpClient { BaseAddress = Host.ApiUrl };
        Client = new JsonApiClient(new HttpClient { BaseAddress = Host.ApiUrl });
    }

    [TearDown]
    public void DisposeClients()
    {
        http?.Dispose();
        Client.Dispose();
    }
}
