using System.Reflection;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.RateLimiting;
using Discogsography.ServiceModel;

namespace Discogsography.Host.Pipeline;

/// <summary>
/// Discovers every service method and request DTO at startup and pairs them into <see cref="Operation"/>s.
/// A DTO without a handler, a verb handled twice or a route variable without a property stops startup with a
/// message naming it: mistakes surface when the process starts, not when a client calls.
/// </summary>
internal sealed class OperationCatalog
{
    private static readonly string[] VerbMethods = ["Get", "Post", "Put", "Delete", "Patch", "Any"];

    private OperationCatalog(IReadOnlyList<Operation> operations) => Operations = operations;

    /// <summary>All operations, in a stable order (by route, then verb).</summary>
    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>The service classes the operations use, to register in DI.</summary>
    public IEnumerable<Type> ServiceTypes => Operations.Select(o => o.Invoker.ServiceType).Distinct();

    /// <summary>Pairs the services in <paramref name="serviceAssemblies"/> with the DTOs they answer.</summary>
    /// <param name="serviceAssemblies">Where <see cref="Service"/> subclasses live.</param>
    /// <param name="contractAssemblies">Where request DTOs live; each of their DTOs must have a handler.</param>
    public static OperationCatalog Discover(IEnumerable<Assembly> serviceAssemblies, IEnumerable<Assembly> contractAssemblies)
    {
        var handlers = serviceAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(Service)))
            .SelectMany(HandlersOf)
            .ToArray();
        var requestTypes = contractAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IReturn).IsAssignableFrom(t))
            .Concat(handlers.Select(h => h.RequestType))
            .Distinct();
        var operations = requestTypes
            .SelectMany(dto => OperationsOf(dto, handlers.Where(h => h.RequestType == dto).ToArray()))
            .OrderBy(o => o.Route.Template, StringComparer.Ordinal).ThenBy(o => o.Verbs[0], StringComparer.Ordinal)
            .ToArray();
        return new OperationCatalog(operations);
    }

    private sealed record Handler(Type RequestType, string Verb, Type ServiceType, MethodInfo Method);

    private static IEnumerable<Handler> HandlersOf(Type serviceType) =>
        serviceType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => VerbMethods.Contains(VerbOf(m.Name)) && m.GetParameters() is [{ ParameterType: var p }]
                && typeof(IReturn).IsAssignableFrom(p))
            .Select(m => new Handler(m.GetParameters()[0].ParameterType, VerbOf(m.Name).ToUpperInvariant(), serviceType, m));

    private static string VerbOf(string methodName) =>
        methodName.EndsWith("Async", StringComparison.Ordinal) ? methodName[..^"Async".Length] : methodName;

    private static IEnumerable<Operation> OperationsOf(Type requestType, Handler[] handlers)
    {
        if (handlers.Length == 0)
            throw new InvalidOperationException($"{requestType.Name} has no service method: add e.g. `public Task<…> Get({requestType.Name} request)` to a service.");
        var duplicate = handlers.GroupBy(h => h.Verb).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"{requestType.Name} has two {duplicate.Key} handlers: {string.Join(", ", duplicate.Select(h => h.ServiceType.Name))}.");
        foreach (var route in RequestRoutes.For(requestType))
        {
            var byHandler = route.Verbs.GroupBy(verb => HandlerFor(requestType, route, verb, handlers));
            foreach (var group in byHandler)
                yield return Build(requestType, route, group.ToArray(), group.Key);
        }
    }

    private static Handler HandlerFor(Type requestType, RequestRoute route, string verb, Handler[] handlers) =>
        handlers.FirstOrDefault(h => h.Verb == verb) ?? handlers.FirstOrDefault(h => h.Verb == "ANY")
        ?? throw new InvalidOperationException($"{requestType.Name} routes {verb} {route.Template} but no service method named {verb[0]}{verb[1..].ToLowerInvariant()} or Any takes it.");

    private static Operation Build(Type requestType, RequestRoute route, string[] verbs, Handler handler)
    {
        var responseType = ResponseTypeOf(requestType);
        EnsureReturns(handler, responseType);
        return new Operation
        {
            RequestType = requestType,
            ResponseType = responseType,
            Route = route,
            Verbs = verbs,
            Auth = AuthPolicyOf(requestType, handler),
            RateLimits = [.. requestType.GetCustomAttributes<RateLimitAttribute>()
                .Select(l => new ScopedRateLimit(RateLimitRule.Parse(l.Limit), l.Per))],
            ErrorStyle = requestType.GetCustomAttribute<ErrorBodyAttribute>()?.Style ?? ErrorBodyStyle.Detail,
            SuccessStatus = requestType.GetCustomAttribute<SuccessStatusAttribute>()?.StatusCode
                            ?? (responseType is null ? StatusCodes.Status204NoContent : StatusCodes.Status200OK),
            Tag = requestType.GetCustomAttribute<TagAttribute>()?.Name,
            Request = new RequestShape(requestType, route),
            Invoker = new ServiceInvoker(handler.ServiceType, handler.Method),
        };
    }

    private static Type? ResponseTypeOf(Type requestType) =>
        requestType.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReturn<>))?
            .GetGenericArguments()[0];

    private static void EnsureReturns(Handler handler, Type? responseType)
    {
        var returned = handler.Method.ReturnType;
        if (returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>))
            returned = returned.GetGenericArguments()[0];
        var ok = responseType is null
            ? returned == typeof(void) || returned == typeof(Task)
            : responseType.IsAssignableFrom(returned);
        if (!ok)
            throw new InvalidOperationException(
                $"{handler.ServiceType.Name}.{handler.Method.Name} returns {handler.Method.ReturnType.Name} but {handler.RequestType.Name} declares {responseType?.Name ?? "IReturnVoid"}.");
    }

    private static AuthPolicy AuthPolicyOf(Type requestType, Handler handler)
    {
        MemberInfo[] declarers = [requestType, handler.Method, handler.ServiceType];
        var authenticate = declarers.SelectMany(d => d.GetCustomAttributes<AuthenticateAttribute>(inherit: true)).ToArray();
        var roles = authenticate.OfType<RequiredRoleAttribute>()
            .Select(r => new RoleRequirement(r.Role, r.DeniedMessage)).Distinct().ToArray();
        var message = authenticate.FirstOrDefault(a => a is not RequiredRoleAttribute)?.MissingCredentialsMessage ?? "Not authenticated";
        string[] scopes = [.. requestType.GetCustomAttributes<AppTokenScopeAttribute>().Select(s => s.Scope)];
        if (authenticate.Length > 0)
            return new AuthPolicy(AuthMode.Required, roles, message, scopes);
        if (scopes.Length > 0)
            throw new InvalidOperationException($"{requestType.Name} accepts app tokens but does not require authentication.");
        return declarers.Any(d => d.IsDefined(typeof(OptionalAuthenticationAttribute), inherit: true))
            ? new AuthPolicy(AuthMode.Optional, [], message, [])
            : AuthPolicy.Anonymous;
    }
}
