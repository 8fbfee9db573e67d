using System.Linq.Expressions;
using System.Reflection;
using Discogsography.ServiceInterface.Infrastructure;

namespace Discogsography.Host.Pipeline;

/// <summary>
/// Creates a service through DI and calls its method with the bound DTO, through delegates compiled once at
/// startup (no reflection per request). Methods may return <c>T</c>, <c>Task&lt;T&gt;</c>, <c>Task</c> or nothing.
/// </summary>
internal sealed class ServiceInvoker
{
    private readonly ObjectFactory factory;
    private readonly Func<object, object, Task<object?>> call;

    public ServiceInvoker(Type serviceType, MethodInfo method)
    {
        ServiceType = serviceType;
        Method = method;
        factory = ActivatorUtilities.CreateFactory(serviceType, Type.EmptyTypes);
        call = Compile(serviceType, method);
    }

    /// <summary>The service class.</summary>
    public Type ServiceType { get; }

    /// <summary>The method that answers the DTO.</summary>
    public MethodInfo Method { get; }

    /// <summary>Creates the service for this request and runs the method.</summary>
    public Task<object?> InvokeAsync(IServiceProvider services, ServiceContext context, object request)
    {
        var service = (Service)factory(services, null);
        service.Context = context;
        return call(service, request);
    }

    private static Func<object, object, Task<object?>> Compile(Type serviceType, MethodInfo method)
    {
        var service = Expression.Parameter(typeof(object), "service");
        var request = Expression.Parameter(typeof(object), "request");
        var invoke = Expression.Call(
            Expression.Convert(service, serviceType), method,
            Expression.Convert(request, method.GetParameters()[0].ParameterType));
        var body = AsTaskOfObject(invoke, method.ReturnType);
        return Expression.Lambda<Func<object, object, Task<object?>>>(body, service, request).Compile();
    }

    private static Expression AsTaskOfObject(Expression invoke, Type returnType)
    {
        if (returnType == typeof(void))
            return Expression.Block(invoke, Expression.Constant(Task.FromResult<object?>(null)));
        if (returnType == typeof(Task))
            return Expression.Call(typeof(ServiceInvoker).GetMethod(nameof(AwaitVoid), BindingFlags.NonPublic | BindingFlags.Static)!,
                invoke);
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var await = typeof(ServiceInvoker).GetMethod(nameof(AwaitResult), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(returnType.GetGenericArguments()[0]);
            return Expression.Call(await, invoke);
        }
        return Expression.Call(typeof(Task), nameof(Task.FromResult), [typeof(object)], Expression.Convert(invoke, typeof(object)));
    }

    private static async Task<object?> AwaitVoid(Task task)
    {
        await task;
        return null;
    }

    private static async Task<object?> AwaitResult<T>(Task<T> task) => await task;
}
