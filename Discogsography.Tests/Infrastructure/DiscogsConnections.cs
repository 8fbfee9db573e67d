using Discogsography.ServiceInterface.Discogs;
using Discogsography.ServiceModel;

namespace Discogsography.Tests.Infrastructure;

/// <summary>Connects accounts to the fake Discogs the way users do: app credentials set, then the OAuth flow.</summary>
public static class DiscogsConnections
{
    /// <summary>Stores the fake's consumer key and secret, as <c>discogs-setup</c> would.</summary>
    public static Task ConfigureAppCredentialsAsync(TestHost host) =>
        host.Services.GetRequiredService<DiscogsAppCredentials>().SetAsync(FakeDiscogs.ConsumerKey, FakeDiscogs.ConsumerSecret,
            CancellationToken.None);

    /// <summary>Runs authorize → approve → verify for the client's user.</summary>
    public static async Task ConnectAsync(JsonApiClient client, TestHost host, FakeDiscogs discogs)
    {
        await ConfigureAppCredentialsAsync(host);
        var authorize = await client.SendAsync(new AuthorizeDiscogs());
        await client.SendAsync(new VerifyDiscogs { State = authorize.State, OauthVerifier = discogs.Approve(authorize.State) });
    }
}
