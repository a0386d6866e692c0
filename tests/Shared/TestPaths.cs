namespace MLPipelines.Tests;

/// <summary>Locations in the repository and scratch folders for tests.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MLPipelines.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (MLPipelines.sln) not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    public static string Dataset(string file) => Path.Combine(RepoRoot, "datasets", file);

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "mlpipelines-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes <paramref name="content"/> to a new CSV file and returns its path.</summary>
    public static string WriteCsv(string content, string name = "data.csv")
    {
        var path = Path.Combine(NewTempFolder(), name);
        File.WriteAllText(path, content);
        return path;
    }
}
