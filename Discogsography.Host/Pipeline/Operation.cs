using Discogsography.Host.Pipeline.Binding;
using Discogsography.ServiceInterface.RateLimiting;
using Discogsography.ServiceModel;

namespace Discogsography.Host.Pipeline;

/// <summary>How a route identifies its caller.</summary>
internal enum AuthMode
{
    /// <summary>Any Authorization header is ignored.</summary>
    Anonymous,

    /// <summary>A valid token identifies the caller; anything else is anonymous.</summary>
    Optional,

    /// <summary>A valid, unrevoked token is required (401 otherwise), plus any roles (403 otherwise).</summary>
    Required,
}

/// <summary>A role a route requires, and the 403 detail when the caller lacks it.</summary>
internal sealed record RoleRequirement(string Role, string DeniedMessage);

/// <summary>A route's limit and whose requests it counts.</summary>
internal sealed record ScopedRateLimit(RateLimitRule Rule, RateLimitScope Scope);

/// <summary>The authentication a route declares through its attributes.</summary>
/// <param name="Mode">Whether a caller must, may or need not be identified.</param>
/// <param name="Roles">Roles the caller must hold.</param>
/// <param name="MissingCredentialsMessage">The 401 detail when no bearer credentials are sent.</param>
/// <param name="AppTokenScopes">The scopes with which an app token may call the route instead (none: app tokens are refused).</param>
internal sealed record AuthPolicy(AuthMode Mode, IReadOnlyList<RoleRequirement> Roles, string MissingCredentialsMessage,
    IReadOnlyList<string> AppTokenScopes)
{
    public static readonly AuthPolicy Anonymous = new(AuthMode.Anonymous, [], "Not authenticated", []);
}

/// <summary>
/// One endpoint: a request DTO on one of its routes, bound to the service method that answers it, with every
/// policy read from attributes at startup. The Host maps it, OpenAPI and TypeScript describe it.
/// </summary>
internal sealed class Operation
{
    /// <summary>The request DTO type.</summary>
    public required Type RequestType { get; init; }

    /// <summary>The success body type; null for <see cref="IReturnVoid"/>.</summary>
    public required Type? ResponseType { get; init; }

    /// <summary>The route template with wire-named variables.</summary>
    public required RequestRoute Route { get; init; }

    /// <summary>The verbs this operation answers on the route.</summary>
    public required IReadOnlyList<string> Verbs { get; init; }

    /// <summary>The DTO name, used as the OpenAPI operation id.</summary>
    public string Name => RequestType.Name;

    /// <summary>A stable key for rate-limit counters: <c>POST /api/auth/login</c>.</summary>
    public string Key => $"{string.Join(',', Verbs)} {Route.Template}";

    /// <summary>Who may call it.</summary>
    public required AuthPolicy Auth { get; init; }

    /// <summary>Its rate limits (none, or one per scope).</summary>
    public IReadOnlyList<ScopedRateLimit> RateLimits { get; init; } = [];

    /// <summary>The key of its error bodies.</summary>
    public ErrorBodyStyle ErrorStyle { get; init; } = ErrorBodyStyle.Detail;

    /// <summary>The status of a successful response.</summary>
    public int SuccessStatus { get; init; } = StatusCodes.Status200OK;

    /// <summary>The OpenAPI tag.</summary>
    public string? Tag { get; init; }

    /// <summary>The DTO's fields split into path variables and the rest.</summary>
    public required RequestShape Request { get; init; }

    /// <summary><c>IValidator&lt;TRequest&gt;</c>, resolved per request when a validator is registered.</summary>
    public Type ValidatorType => validatorType ??= typeof(FluentValidation.IValidator<>).MakeGenericType(RequestType);

    private Type? validatorType;

    /// <summary>Creates the service and calls its method.</summary>
    public required ServiceInvoker Invoker { get; init; }
}

/// <summary>A request DTO's shape and which of its fields are path variables.</summary>
internal sealed class RequestShape
{
    public RequestShape(Type requestType, RequestRoute route)
    {
        Type = TypeShape.Of(requestType);
        var byName = Type.Fields.ToDictionary(f => f.WireName, StringComparer.Ordinal);
        PathFields = route.PathVariables
            .Select(v => byName.TryGetValue(v, out var f) ? f : throw new InvalidOperationException(
                $"{requestType.Name}: route {route.Template} has {{{v}}} but the DTO has no property named '{v}'."))
            .ToArray();
        OtherFields = Type.Fields.Except(PathFields).ToArray();
        var segments = route.Template.Split('/');
        PathSegmentOf = route.PathVariables.ToDictionary(
            v => v,
            v => Array.IndexOf(segments, "{" + v + "}") is var index and >= 0 ? index : throw new InvalidOperationException(
                $"{requestType.Name}: route variable {{{v}}} of {route.Template} must be a whole path segment."),
            StringComparer.Ordinal);
        FieldOrder = Type.Fields.Select((f, i) => (f.WireName, i)).ToDictionary(p => p.WireName, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The DTO type's shape.</summary>
    public TypeShape Type { get; }

    /// <summary>Fields bound from the path.</summary>
    public IReadOnlyList<FieldShape> PathFields { get; }

    /// <summary>The index of each path variable's segment in the route template (split on <c>/</c>).</summary>
    public IReadOnlyDictionary<string, int> PathSegmentOf { get; }

    /// <summary>Fields bound from the query string (GET, DELETE) or the JSON body (POST, PUT, PATCH).</summary>
    public IReadOnlyList<FieldShape> OtherFields { get; }

    /// <summary>Declaration index by wire name, to report errors in field order as Pydantic does.</summary>
    public IReadOnlyDictionary<string, int> FieldOrder { get; }
}
