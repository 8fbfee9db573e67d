// The typed C# client in a dozen lines: register, log in, explore an artist, list its newest releases.
// dotnet run --project samples/Discogsography.ClientSample -- [api-url] [email] [artist] [--2fa]
// With --2fa it first turns on two-factor authentication and signs in again with a code (TwoFactorSignIn.cs).
using System.Net;
using Discogsography.ServiceModel;

var baseUrl = args.ElementAtOrDefault(0) ?? "http://127.0.0.1:8004";
var email = args.ElementAtOrDefault(1) ?? $"sample-{Guid.NewGuid():N}@example.com";
var artist = args.ElementAtOrDefault(2) ?? "The Persuader";
const string password = "a long enough password";

using var client = new JsonApiClient(baseUrl);
await client.SendAsync(new Register { Email = email, Password = password });
var login = await TwoFactorSignIn.LogInAsync(client, email, password);
client.BearerToken = login.AccessToken;
if (args.Contains("--2fa"))
{
    await TwoFactorSignIn.EnableAsync(client);
    login = await TwoFactorSignIn.LogInAsync(client, email, password);
    client.BearerToken = login.AccessToken;
    Console.WriteLine(login.Warning ?? "Signed in with two factors.");
}
client.RefreshToken = login.RefreshToken; // an expired access token is refreshed once and the request retried

try
{
    var explore = await client.SendAsync(new Explore { Name = artist, Type = "artist" });
    Console.WriteLine($"{explore.Center.Name} (artist {explore.Center.Id})");
    foreach (var category in explore.Categories)
        Console.WriteLine($"  {category.Name}: {category.Count}");
    var newest = await client.SendAsync(new Expand { NodeId = artist, Type = "artist", Category = "releases", Limit = 5 });
    foreach (var release in newest.Children)
        Console.WriteLine($"  {release.Year?.ToString() ?? "----"}  {release.Name}");
}
catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
{
    Console.WriteLine(e.ErrorMessage); // "Artist '…' not found"
}
