namespace MLPipelines.Cli.Tests;

/// <summary>Repository paths and scratch files.</summary>
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

        throw new InvalidOperationException("Repository root not found.");
    });

    /// <summary>The repository's root folder.</summary>
    public static string RepoRoot => Root.Value;

    public static string Dataset(string file) => Path.Combine(Root.Value, "datasets", file);

    public static string Pipeline(string file) => Path.Combine(Root.Value, "pipelines", file);

    /// <summary>A file of the golden runs (<see cref="SameFiguresTests"/>).</summary>
    public static string Golden(string file) => Path.Combine(Root.Value, "tests", "MLPipelines.Cli.Tests", "Golden", file);

    public static string NewFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "mlpipe-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes <paramref name="content"/> into a new folder as <paramref name="name"/>.</summary>
    public static string Write(string name, string content, string? folder = null)
    {
        var path = Path.Combine(folder ?? NewFolder(), name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A spec on a copy of iris, with the given models block.</summary>
    public static string IrisSpec(string folder, string models = "  - {name: linear, trainer: lbfgs}\n  - {name: gbdt, trainer: lightgbm, options: {iterations: 10}}\n")
    {
        File.Copy(Dataset("iris.csv"), Path.Combine(folder, "iris.csv"), overwrite: true);
        return Write("iris.yaml", $"name: iris-test\ndata:\n  path: iris.csv\n  label: target\nevaluation:\n  folds: 3\n  seed: 1\nmodels:\n{models}", folder);
    }
}
