namespace MLPipelines.XGBoost.Tests;

/// <summary>Scratch folders and repository paths for tests.</summary>
internal static class TestFiles
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

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string NewFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "mlpipelines-tests", "xgboost-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
