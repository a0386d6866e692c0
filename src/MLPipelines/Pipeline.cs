using System.Security.Cryptography;
using Microsoft.Data.Analysis;
using MLPipelines.Core.Runs;
using MLPipelines.Spec;
using YamlDotNet.RepresentationModel;

namespace MLPipelines;

/// <summary>
/// A validated pipeline, ready to run: the C# counterpart of <c>mlpipe run</c>.
/// <code>
/// var run = Pipeline.Load("pipelines/telco_churn.yaml").Run();               // a spec that names its CSV file
/// var run = Pipeline.Parse(yaml, frame).Run(outputDirectory: "runs/churn");  // or a DataFrame as the data
/// DataFrame leaderboard = run.Leaderboard();
/// </code>
/// Every check of the CLI applies: spec errors throw <see cref="SpecException"/> with <c>file:line:col</c>, data
/// errors <see cref="MLPipelines.Results.Csv.DataFileException"/> with row and column.
/// </summary>
public sealed class Pipeline
{
    private Pipeline(PipelineSpec spec) => Spec = spec;

    /// <summary>The validated spec (every default filled in when the run resolves it).</summary>
    public PipelineSpec Spec { get; }

    /// <summary>Loads and validates a pipeline file; relative data paths resolve against its folder.</summary>
    /// <exception cref="SpecException">The file is missing or not a valid pipeline.</exception>
    public static Pipeline Load(string path) => new(Loader().Load(path));

    /// <summary>Validates pipeline text; relative data paths resolve against <paramref name="baseDirectory"/> (default: the current folder).</summary>
    /// <exception cref="SpecException">The text is not a valid pipeline.</exception>
    public static Pipeline Parse(string yaml, string? baseDirectory = null) =>
        new(Loader().Parse(yaml, Path.Combine(Path.GetFullPath(baseDirectory ?? "."), "pipeline.yaml"), "pipeline"));

    /// <summary>
    /// Validates pipeline text whose data is <paramref name="data"/>: the <c>data</c> section names the label (and any
    /// column overrides) but no <c>path</c>. The frame is saved as CSV (numbers with round-trip precision, nulls as
    /// missing) in a folder named by its content under the system's temporary folder, beside the spec as it was
    /// read (<c>pipeline.yaml</c>, which spec errors cite), so the same frame gives the same run key.
    /// </summary>
    /// <exception cref="SpecException">The text is not a valid pipeline, or it names a data path too.</exception>
    public static Pipeline Parse(string yaml, DataFrame data)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(data);
        var staging = Path.Combine(Path.GetTempPath(), "mlpipelines-dataframes", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        var csv = Path.Combine(staging, "data.csv");
        DataFrames.WriteCsv(data, csv);
        var folder = Path.Combine(Path.GetTempPath(), "mlpipelines-dataframes", Hash(csv));
        if (Directory.Exists(folder))
        {
            Directory.Delete(staging, recursive: true);
        }
        else
        {
            Directory.Move(staging, folder);
        }

        var text = WithDataPath(yaml, "data.csv");
        var specFile = Path.Combine(folder, "pipeline.yaml");
        File.WriteAllText(specFile, text);
        return new(Loader().Parse(text, specFile));
    }

    /// <summary>
    /// Runs the pipeline: every model on the same splits, final fits, the run folder with results.json, reports,
    /// predictions and model zips. Blocks until done; <paramref name="cancellation"/> stops it cleanly.
    /// </summary>
    /// <param name="outputDirectory">Write the run exactly here (must not exist or be empty); default <c>runs/TIME-NAME</c>.</param>
    /// <param name="progress">Receives each <see cref="RunEvent"/> (model and split started or finished), or null.</param>
    public PipelineRun Run(string? outputDirectory = null, IProgress<RunEvent>? progress = null, CancellationToken cancellation = default)
    {
        var options = new RunOptions { OutputDirectory = outputDirectory, ReportWriters = Components.RunReportWriters() };
        var outcome = new PipelineRunner(Components.CreateTrainerRegistry()).Run(Spec, options, progress, cancellation);
        return new PipelineRun(outcome.Directory, outcome.Results);
    }

    private static SpecLoader Loader() => new(Components.CreateTrainerRegistry());

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
    }

    /// <summary>The YAML with <c>data.path</c> set to <paramref name="path"/>; the text must be a mapping with a <c>data</c> mapping that has no path.</summary>
    private static string WithDataPath(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return yaml; // the spec loader reports the syntax error with its position
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("data"), out var node) || node is not YamlMappingNode data)
        {
            return yaml; // no data mapping: the spec loader says what is missing, where
        }

        if (data.Children.ContainsKey(new YamlScalarNode("path")))
        {
            throw SpecException.FromErrors([new SpecError(new SourceLocation("pipeline", (int)data.Start.Line, (int)data.Start.Column), "data.path",
                "the data is the DataFrame given with the spec; remove data.path")]);
        }

        data.Children.Add(new YamlScalarNode("path"), new YamlScalarNode(path));
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }
}
