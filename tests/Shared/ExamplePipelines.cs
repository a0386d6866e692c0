using MLPipelines.Spec;

namespace MLPipelines.Tests;

/// <summary>
/// The committed Fashion-MNIST example pipelines, loaded for their data and evaluation sections. They also name the
/// neural trainers (<c>cnn</c>, <c>mlp</c>), which live in MLPipelines.Trainers (not referenced by Core's tests, and
/// validated with the real registry in MLPipelines.Trainers.Tests), so those model lines are blanked, keeping every
/// other line where it is.
/// </summary>
internal static class ExamplePipelines
{
    public static PipelineSpec Load(string file, Func<string, string>? edit = null)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "pipelines", file);
        var lines = File.ReadAllLines(path)
            .Select(line => line.Contains("trainer: cnn", StringComparison.Ordinal) || line.Contains("trainer: mlp", StringComparison.Ordinal) ? "#" : line);
        var text = string.Join('\n', lines) + "\n";
        return new SpecLoader(SpecFolder.Registry()).Parse(edit is null ? text : edit(text), path);
    }
}
