using Discogsography.ServiceModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>
/// Answers the searches the Explore frontend's genre shortcuts send as soon as the host has started, so the first
/// visitors find them cached (REFERENCE-UPSTREAM.md §A.1: the reference warms the same ten words). Failures only cost
/// the warm-up: they are logged and the host carries on.
/// </summary>
public sealed partial class SearchCacheWarmer(SearchAnswers answers, ILogger<SearchCacheWarmer> logger) : BackgroundService
{
    public static readonly IReadOnlyList<string> Words = ["Rock", "Electronic", "Jazz", "Pop", "Punk", "Hip Hop", "Trance", "Blues",
        "Country", "Metal"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var word in Words)
        {
            try
            {
                await answers.GetAsync(SearchServices.ShapeOf(new Search { Q = word }), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogWarmUpFailed(logger, word, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Search warm-up of '{Word}' failed (the first search for it will compute it): {Reason}")]
    private static partial void LogWarmUpFailed(ILogger logger, string word, string reason);
}
