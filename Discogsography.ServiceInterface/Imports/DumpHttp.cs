using System.Net;
using System.Net.Http.Headers;
using Discogsography.ServiceInterface.Configuration;

namespace Discogsography.ServiceInterface.Imports;

/// <summary>A download that cannot go on: the message is the job's error.</summary>
public sealed class DownloadFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// GETs for dump downloads: redirects are followed by hand so every hop is checked against the allow-list (Discogs'
/// download page redirects to its bucket; nothing may lead elsewhere), may not go from https to http and may not
/// change the port (only http's 80 to https' 443), and the User-Agent is the configured one. The HttpClient does not
/// follow redirects itself and has no overall timeout (a dump takes a while): each hop's headers must come within
/// <see cref="ImportOptions.HeaderTimeout"/>, and the readers watch for idle connections.
/// </summary>
public sealed class DumpHttp(IHttpClientFactory clients, ImportSources sources, DiscogsSettings discogs, ImportOptions options)
{
    /// <summary>The name of the HttpClient configured for downloads.</summary>
    public const string HttpClientName = "dumps";

    /// <summary>Sends a GET (from byte <paramref name="from"/> when given) and returns the final response's headers;
    /// the caller reads the body.</summary>
    public async Task<HttpResponseMessage> GetAsync(Uri url, long? from, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(HttpClientName);
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("User-Agent", discogs.UserAgent);
            if (from is > 0)
                request.Headers.Range = new RangeHeaderValue(from, null);
            var response = await IdleWatch.HeadersAsync(token => http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token),
                options.HeaderTimeout, url.Host, cancellationToken);
            if (!IsRedirect(response.StatusCode))
                return response;
            var next = response.Headers.Location is { } location ? new Uri(url, location) : null;
            response.Dispose();
            if (next is null || hop >= options.MaxRedirects)
                throw new DownloadFailedException($"{url.Host} redirected without a location or more than {options.MaxRedirects} times");
            if (next.Scheme is not ("http" or "https") || !sources.IsAllowed(next))
                throw new DownloadFailedException($"{url.Host} redirected to {next.Host}, which IMPORT_ALLOWED_HOSTS does not allow");
            if (RedirectRefusal(url, next) is { } refusal)
                throw new DownloadFailedException($"{url.Host} redirected {refusal}; the download was not followed there");
            url = next;
        }
    }

    /// <summary>Why a redirect from <paramref name="from"/> to <paramref name="to"/> may not be followed, or null when it may.</summary>
    public static string? RedirectRefusal(Uri from, Uri to)
    {
        if (from.Scheme == Uri.UriSchemeHttps && to.Scheme != Uri.UriSchemeHttps)
            return $"from https to {to.Scheme}";
        var sameOrDefaultPorts = to.Port == from.Port || (from.IsDefaultPort && to.IsDefaultPort);
        return sameOrDefaultPorts ? null : $"from port {from.Port} to port {to.Port}";
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;
}
