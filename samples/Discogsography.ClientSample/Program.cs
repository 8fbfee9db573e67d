// The typed C# client in a dozen lines: sign in (registering the first time), explore an artist, list its newest releases.
// dotnet run --project samples/Discogsography.ClientSample -- [api-url] [email] [artist] [--2fa]
// With --2fa it first turns on two-factor authentication and signs in again with a code (TwoFactorSignIn.cs).
using System.Net;
using Discogsography.ServiceModel;

if (SampleArguments.Read(args) is not { } options)
    return 2;

using var client = new JsonApiClient(options.BaseUrl.ToString());
try
{
    var login = await Retrying.OnRateLimitAsync(() => SignIn.LogInOrRegisterAsync(client, options.Email, options.Password));
    client.BearerToken = login.AccessToken;
    client.RefreshToken = login.RefreshToken; // an expired access token is refreshed once and the request retried
    if (options.TwoFactor)
        await TwoFactorSignIn.DemonstrateAsync(client, options.Email, options.Password);

    var explore = await client.SendAsync(new Explore { Name = options.Artist, Type = "artist" });
    Console.WriteLine($"{explore.Center.Name} (artist {explore.Center.Id})");
    foreach (var category in explore.Categories)
        Console.WriteLine($"  {category.Name}: {category.Count}");
    var newest = await client.SendAsync(new Expand { NodeId = options.Artist, Type = "artist", Category = "releases", Limit = 5 });
    foreach (var release in newest.Children)
        Console.WriteLine($"  {release.Year?.ToString() ?? "----"}  {release.Name}");
}
catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
{
    Console.WriteLine(e.ErrorMessage); // "Artist '…' not found"
}
catch (ApiException e)
{
    Console.Error.WriteLine($"The API refused: {(int)e.StatusCode} {e.ErrorMessage}");
    return 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"Cannot reach {options.BaseUrl}: {e.Message} (is ./run.sh running?)");
    return 1;
}
return 0;
