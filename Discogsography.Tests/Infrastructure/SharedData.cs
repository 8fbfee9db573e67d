namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// Files of <c>../shared/data</c> (never copied into the repository). <c>DISCOGSOGRAPHY_SHARED_DATA</c> overrides the
/// folder; when it is absent the tests that need it are reported as ignored, naming the folder.
/// </summary>
public static class SharedData
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("DISCOGSOGRAPHY_SHARED_DATA") is { Length: > 0 } folder ? folder : RepositoryPaths.SharedData;

    /// <summary>The path of <paramref name="relativePath"/>, or an ignored test when the shared data is missing.</summary>
    public static string PathOf(string relativePath)
    {
        var path = Path.Combine(Folder, relativePath);
        if (!File.Exists(path))
            Assert.Ignore($"{path} is not available (set DISCOGSOGRAPHY_SHARED_DATA to the shared data folder).");
        return path;
    }
}
