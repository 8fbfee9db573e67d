using System.Globalization;
using Discogsography.Admin.Components.Shared;
using Discogsography.ServiceModel;
using MudBlazor;

namespace Discogsography.Admin.Components.Pages;

/// <summary>
/// Figures that refresh themselves (accounts, connections, the last day's syncs, dependencies, the catalogue) and
/// charts read once per visit (their route is audited): syncs per day, sign-ins per hour, releases per decade, genres.
/// </summary>
public partial class Dashboard
{
    private static readonly StackedBarChartOptions StackedOptions = new() { ShowLegend = true };
    private static readonly BarChartOptions BarOptions = new() { ShowLegend = false };
    private static readonly LineChartOptions LineOptions = new() { ShowLegend = true, LineStrokeWidth = 2 };

    private AdminDashboardResponse? dashboard;
    private AdminStatsResponse? stats;

    private List<ChartSeries<double>> SyncSeries { get; set; } = [];

    private string[] SyncLabels { get; set; } = [];

    private List<ChartSeries<double>> SignInSeries { get; set; } = [];

    private string[] SignInLabels { get; set; } = [];

    private List<ChartSeries<double>> DecadeSeries { get; set; } = [];

    private string[] DecadeLabels { get; set; } = [];

    private List<ChartSeries<double>> GenreSeries { get; set; } = [];

    private string[] GenreLabels { get; set; } = [];

    private string UndatedCaption => $"{Formats.Count(stats?.UndatedReleases ?? 0)} releases have no year";

    protected override async Task LoadAsync()
    {
        await FetchAsync();
        await FetchStatsAsync();
        RefreshLive(FetchAsync);
    }

    private Task FetchAsync() => CallAsync(async () => dashboard = await Api.SendAsync(new GetAdminDashboard()));

    private Task FetchStatsAsync() => CallAsync(async () =>
    {
        stats = await Api.SendAsync(new GetAdminStats());
        BuildCharts(stats);
    });

    private void BuildCharts(AdminStatsResponse answer)
    {
        SyncLabels = Sparse(answer.SyncsPerDay.Select(d => d.Day.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray(), every: 5);
        SyncSeries =
        [
            Series("Completed", answer.SyncsPerDay.Select(d => d.Completed)),
            Series("Failed", answer.SyncsPerDay.Select(d => d.Failed)),
            Series("Cancelled", answer.SyncsPerDay.Select(d => d.Cancelled)),
            Series("Queued or running", answer.SyncsPerDay.Select(d => d.Active)),
        ];
        SignInLabels = Sparse(answer.SignInsPerHour.Select(h => h.Hour.ToString("dd HH'h'", CultureInfo.InvariantCulture)).ToArray(),
            every: 8);
        SignInSeries =
        [
            Series("Sign-ins", answer.SignInsPerHour.Select(h => h.SignIns)),
            Series("Failed sign-ins", answer.SignInsPerHour.Select(h => h.Failed)),
        ];
        DecadeLabels = [.. answer.ReleasesPerDecade.Select(d => $"{d.Decade}s")];
        DecadeSeries = [Series("Releases", answer.ReleasesPerDecade.Select(d => d.Count))];
        GenreLabels = [.. answer.TopGenres.Select(g => g.Name)];
        GenreSeries = [Series("Releases", answer.TopGenres.Select(g => g.Count))];
    }

    private static ChartSeries<double> Series(string name, IEnumerable<int> values) =>
        new() { Name = name, Data = new ChartData<double>(values.Select(v => (double)v).ToArray()) };

    /// <summary>Every <paramref name="every"/>-th label (the others blank), so a dense axis stays readable at any width.</summary>
    private static string[] Sparse(string[] labels, int every) =>
        [.. labels.Select((label, i) => (labels.Length - 1 - i) % every == 0 ? label : "")];
}
