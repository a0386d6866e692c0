using MLPipelines.Core.Trainers;
using MLPipelines.Spec;

namespace MLPipelines.Tests;

/// <summary>A temporary folder holding a small <c>data.csv</c>, where test specs are written and loaded.</summary>
internal sealed class SpecFolder : IDisposable
{
    public SpecFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "mlpipe-spec-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "data.csv"), "a,b,y\n1,x,0\n2,y,1\n");
    }

    public string Root { get; }

    /// <summary>Built-in trainers plus <see cref="ToyTrainerPlugin"/> (<c>toy</c>).</summary>
    public static TrainerRegistry Registry() => BuiltinTrainers.CreateRegistry().Register(new ToyTrainerPlugin());

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Parses <paramref name="yaml"/> as <c>ROOT/x.yaml</c>; messages name it <c>x.yaml</c>.</summary>
    public PipelineSpec Parse(string yaml) =>
        new SpecLoader(Registry()).Parse(yaml, Path.Combine(Root, "x.yaml"), "x.yaml");

    /// <summary>The error lines <see cref="Parse"/> throws for <paramref name="yaml"/>.</summary>
    public IReadOnlyList<string> Errors(string yaml) =>
        [.. Assert.Throws<SpecException>(() => Parse(yaml)).Errors.Select(e => e.ToString())];

    /// <summary>The single error line for <paramref name="yaml"/> (fails when there are several).</summary>
    public string Error(string yaml) => Assert.Single(Errors(yaml));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Joins lines with LF, so tests can count line numbers.</summary>
    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}
