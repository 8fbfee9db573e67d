using System.Reflection;
using Discogsography.Host.Pipeline;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;
using FluentValidation;

namespace Discogsography.Host;

/// <summary>Discovers services and DTOs, registers the services and validators, and maps the operations.</summary>
internal static class ConfigureServices
{
    /// <summary>Where services and validators are found by default.</summary>
    public static readonly Assembly ServiceAssembly = typeof(Service).Assembly;

    /// <summary>Where request DTOs are found; each must have a service.</summary>
    public static readonly Assembly ContractAssembly = typeof(IReturn).Assembly;

    public static OperationCatalog AddTypedServices(this IServiceCollection services, IReadOnlyList<Assembly> serviceAssemblies)
    {
        var operationCatalog = OperationCatalog.Discover(serviceAssemblies, [ContractAssembly]);
        services.AddSingleton(operationCatalog);
        services.AddSingleton<ErrorResponseWriter>();
        foreach (var serviceType in operationCatalog.ServiceTypes)
            services.AddScoped(serviceType);
        foreach (var assembly in serviceAssemblies)
            AddValidators(services, assembly);
        return operationCatalog;
    }

    /// <summary>Registers every <c>AbstractValidator&lt;T&gt;</c> as <c>IValidator&lt;T&gt;</c> (validators are stateless).</summary>
    private static void AddValidators(IServiceCollection services, Assembly assembly)
    {
        var validators = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });
        foreach (var type in validators)
        {
            var contract = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType
                && i.GetGenericTypeDefinition() == typeof(IValidator<>));
            if (contract is not null)
                services.AddSingleton(contract, type);
        }
    }

    /// <summary>Maps each operation onto endpoint routing; GET routes answer HEAD too, as Starlette's do.</summary>
    public static void MapOperations(this IEndpointRouteBuilder endpoints, OperationCatalog operationCatalog)
    {
        foreach (var operation in operationCatalog.Operations)
        {
            var verbs = operation.Verbs.Contains("GET") ? [.. operation.Verbs, "HEAD"] : operation.Verbs.ToArray();
            var handler = new OperationHandler(operation, endpoints.ServiceProvider);
            endpoints.MapMethods(operation.Route.Template, verbs, (RequestDelegate)handler.HandleAsync)
                .WithMetadata(operation)
                .WithDisplayName($"{operation.Name} ({string.Join(',', verbs)} {operation.Route.Template})");
        }
    }
}
