namespace MLPipelines.Core.Tests.Spec;

/// <summary>Files of the repository the tests run from (found by walking up to <c>MLPipelines.sln</c>).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SchemaFile => Path.Combine(Root, "pipelines", "pipeline.schema.json");

    public static string FormatFile => Path.Combine(Root, "pipelines", "FORMAT.md");

    /// <summary>Set to 1 to rewrite generated files instead of failing when they are out of date.</summary>
    public const string UpdateVariable = "MLPIPE_UPDATE_SNAPSHOTS";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string RegenerateHint =>
        $"regenerate with: {UpdateVariable}=1 dotnet test tests/MLPipelines.Core.Tests --filter \"FullyQualifiedName~Spec.GeneratedFilesTests\"";

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
