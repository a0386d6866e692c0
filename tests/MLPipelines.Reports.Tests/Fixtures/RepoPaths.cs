namespace MLPipelines.Reports.Tests.Fixtures;

/// <summary>Files of the repository the tests run from (found by walking up to <c>MLPipelines.sln</c>).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dataset(string file) => Path.Combine(Root, "datasets", file);

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mlpipe-reports-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MLPipelines.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No MLPipelines.sln above {AppContext.BaseDirectory}.");
    }
}
