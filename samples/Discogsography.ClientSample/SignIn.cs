using System.Net;
using Discogsography.ServiceModel;

/// <summary>Signing in with the typed client: the account is registered on the first run and reused after.</summary>
internal static class SignIn
{
    public static async Task<LoginResponse> LogInOrRegisterAsync(JsonApiClient client, string email, string password)
    {
        try
        {
            return await TwoFactorSignIn.LogInAsync(client, email, password);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.Unauthorized)
        {
            // Registration answers the same whether or not the email was new; the login after it tells.
            await client.SendAsync(new Register { Email = email, Password = password });
            return await TwoFactorSignIn.LogInAsync(client, email, password);
        }
    }
}

/// <summary>Waits as long as a 429's <c>Retry-After</c> says, then tries again (three times at most).</summary>
internal static class Retrying
{
    public static async Task<T> OnRateLimitAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (ApiException e) when (e.StatusCode == HttpStatusCode.TooManyRequests && attempt < 3)
            {
                var wait = e.RetryAfter ?? TimeSpan.FromSeconds(10);
                Console.Error.WriteLine($"{e.ErrorMessage}: waiting {wait.TotalSeconds:0} s as the server asks.");
                await Task.Delay(wait);
            }
        }
    }
}
