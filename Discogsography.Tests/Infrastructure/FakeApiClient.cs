using System.Net;
using Discogsography.Admin.Services;
using Discogsography.ServiceModel;

namespace Discogsography.Tests.Infrastructure;

/// <summary>An <see cref="IApiClient"/> for component tests: answers each request type with a canned function.</summary>
public sealed class FakeApiClient : IApiClient
{
    private readonly Dictionary<Type, Func<object, object>> handlers = [];

    /// <summary>Every request sent, in order.</summary>
    public List<object> Sent { get; } = [];

    public string? BearerToken { get; set; }

    /// <summary>The operator the dashboard said it acts for.</summary>
    public (string ClientIp, string? UserAgent)? Operator { get; private set; }

    public void ActFor(string clientIp, string? userAgent) => Operator = (clientIp, userAgent);

    /// <summary>Answers <typeparamref name="TRequest"/> with <paramref name="handler"/>'s result (or exception).</summary>
    public FakeApiClient On<TRequest, TResponse>(Func<TRequest, TResponse> handler) where TRequest : IReturn<TResponse>
    {
        handlers[typeof(TRequest)] = request => handler((TRequest)request)!;
        return this;
    }

    /// <summary>What to do when a request without a response body is sent.</summary>
    public FakeApiClient OnVoid<TRequest>(Action<TRequest> handler) where TRequest : IReturnVoid
    {
        handlers[typeof(TRequest)] = request =>
        {
            handler((TRequest)request);
            return true;
        };
        return this;
    }

    /// <summary>An <see cref="ApiException"/> as the real client would raise it.</summary>
    public static ApiException Error(HttpStatusCode status, string message, params FieldError[] fieldErrors) =>
        new(status, message, fieldErrors, $$"""{"detail":"{{message}}"}""", null);

    /// <summary>The requests of type <typeparamref name="TRequest"/> sent so far.</summary>
    public List<TRequest> SentOf<TRequest>()
    {
        lock (Sent)
            return [.. Sent.OfType<TRequest>()];
    }

    public Task<TResponse> SendAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default)
    {
        lock (Sent)
            Sent.Add(request);
        return handlers.TryGetValue(request.GetType(), out var handler)
            ? Task.FromResult((TResponse)handler(request))
            : throw new InvalidOperationException($"No fake answer for {request.GetType().Name}");
    }

    public Task SendAsync(IReturnVoid request, CancellationToken cancellationToken = default)
    {
        lock (Sent)
            Sent.Add(request);
        if (handlers.TryGetValue(request.GetType(), out var handler))
            handler(request);
        return Task.CompletedTask;
    }
}
