namespace Discogsography.Tests.Infrastructure;

/// <summary>Where things are relative to the repository and the shared data folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding Discogsography.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/data</c> next to the repository; tests that need it skip when it is absent.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>The build configuration the tests were built with (Debug or Release), to find sibling outputs.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The output folder of another project of the solution, built in the same configuration.</summary>
    public static string OutputOf(string project) => Path.Combine(Root, project, "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Discogsography.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
