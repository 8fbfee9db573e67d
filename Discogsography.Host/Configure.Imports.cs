using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Imports;
using Discogsography.ServiceInterface.Jobs;

namespace Discogsography.Host;

/// <summary>Dump downloads and imports as durable jobs, and the HttpClient that downloads (no auto-redirects, no
/// overall timeout).</summary>
internal static class ConfigureImports
{
    public static void AddImportJobs(this IServiceCollection services, ImportSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(new ImportOptions());
        services.AddSingleton<ImportSources>();
        services.AddSingleton(sp =>
            BuildBudget.For(sp.GetRequiredService<ImportOptions>().Cores, PostgresDataSource.ImportPoolSize,
                settings.BuildMemoryMegabytes, settings.BuildWorkers));
        services.AddSingleton(new CatalogueShape());
        services.AddSingleton<CatalogueImporter>();
        services.AddSingleton<CatalogueBackfill>();
        services.AddHttpClient(DumpHttp.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() =>
                new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(30) });
        services.AddSingleton<DumpHttp>();
        services.AddSingleton<DumpDownloader>();
        services.AddSingleton<ChecksumVerifier>();
        services.AddSingleton<ImportJobRunner>();
        services.AddSingleton<JobSignal<ClaimedImportJob>>();
        services.AddHostedService<ImportWorker>();
    }
}
