using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>Fills the page fields every paged answer shares.</summary>
public static class Paging
{
    /// <summary><paramref name="response"/> showing <paramref name="shown"/> items from <paramref name="offset"/> of
    /// <paramref name="total"/>.</summary>
    public static T Page<T>(this T response, int offset, int limit, int shown, int total) where T : PagedResponse
    {
        response.Total = total;
        response.Offset = offset;
        response.Limit = limit;
        response.HasMore = offset + shown < total;
        return response;
    }
}
