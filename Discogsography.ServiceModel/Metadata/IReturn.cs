namespace Discogsography.ServiceModel;

/// <summary>Marks a request DTO; the Host maps every type carrying it onto an endpoint.</summary>
public interface IReturn;

/// <summary>A request DTO whose successful response body is a <typeparamref name="TResponse"/>.</summary>
public interface IReturn<TResponse> : IReturn;

/// <summary>A request DTO whose successful response has no body (for example 204 No Content).</summary>
public interface IReturnVoid : IReturn;
