using MLPipelines.Results;
using MLPipelines.Results.Csv;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Reports.Inputs;

/// <summary>
/// What the reports read from a run folder besides <see cref="RunResults"/>: the resolved spec and environment
/// texts (shown as they are) and, on demand, each model's out-of-fold predictions. Every file is optional: a report
/// of a folder that lacks one leaves that part out and says so, it does not fail.
/// </summary>
public sealed class RunFolderContent
{
    /// <summary>The run folder, or null for results alone.</summary>
    public string? Directory { get; init; }

    public required RunResults Results { get; init; }

    /// <summary>Text of <c>resolved.yaml</c>, or null.</summary>
    public string? ResolvedSpec { get; init; }

    /// <summary>Text of <c>environment.json</c>, or null.</summary>
    public string? Environment { get; init; }

    /// <summary><c>report.baseline</c> from the resolved spec, when set.</summary>
    public string? RequestedBaseline { get; init; }

    /// <summary>Reads the optional files of <paramref name="runDirectory"/> next to already loaded <paramref name="results"/>.</summary>
    public static RunFolderContent Read(string runDirectory, RunResults results)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        ArgumentNullException.ThrowIfNull(results);
        var resolved = ReadText(Path.Combine(runDirectory, "resolved.yaml"));
        return new RunFolderContent
        {
            Directory = runDirectory,
            Results = results,
            ResolvedSpec = resolved,
            Environment = ReadText(Path.Combine(runDirectory, "environment.json")),
            RequestedBaseline = resolved is null ? null : BaselineOf(resolved),
        };
    }

    /// <summary>The path of a file named relative to the run folder, or null when there is no folder or no name.</summary>
    public string? PathOf(string? relative) =>
        Directory is null || string.IsNullOrEmpty(relative) ? null : Path.Combine(Directory, relative);

    /// <summary>
    /// The first repeat of each model's out-of-fold predictions, in run order, read once; models whose file is
    /// missing or unreadable are left out and named in <see cref="PredictionProblems"/>.
    /// </summary>
    public IReadOnlyList<PredictionSample> Predictions => predictions ??= ReadPredictions();

    /// <summary>Why some models have no predictions (one line each); empty when all were read.</summary>
    public IReadOnlyList<string> PredictionProblems
    {
        get
        {
            _ = Predictions;
            return problems;
        }
    }

    private readonly List<string> problems = [];
    private IReadOnlyList<PredictionSample>? predictions;

    private List<PredictionSample> ReadPredictions()
    {
        var samples = new List<PredictionSample>();
        foreach (var model in Results.Models)
        {
            var path = PathOf(model.PredictionsFile);
            if (path is null || !File.Exists(path))
            {
                problems.Add($"{model.Name}: no predictions file ({model.PredictionsFile ?? "none recorded"})");
                continue;
            }

            try
            {
                samples.Add(PredictionSample.FirstRepeat(model, ModelPredictions.Read(path)));
            }
            catch (Exception e) when (e is DataFileException or IOException or FormatException)
            {
                problems.Add($"{model.Name}: {e.Message}");
            }
        }

        return samples;
    }

    private static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    /// <summary><c>report.baseline</c> of a resolved spec; null when absent, null-valued or the YAML does not parse.</summary>
    private static string? BaselineOf(string yaml)
    {
        if (ParseShallow(yaml) is not YamlMappingNode root)
        {
            return null;
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("report"), out var report)
            || report is not YamlMappingNode map
            || !map.Children.TryGetValue(new YamlScalarNode("baseline"), out var node)
            || node is not YamlScalarNode { Value: { Length: > 0 } value } scalar)
        {
            return null;
        }

        return scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "null" or "~" or "Null" or "NULL" ? null : value;
    }

    /// <summary>
    /// The root of a user-editable YAML file, or null when it does not parse or nests deeper than 64 levels
    /// (YamlDotNet loads nodes recursively: a hand-edited <c>[[[[...</c> would overflow the stack). Events are read
    /// iteratively first, so the depth check itself cannot overflow.
    /// </summary>
    private static YamlNode? ParseShallow(string yaml)
    {
        try
        {
            var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
            var depth = 0;
            while (parser.MoveNext())
            {
                depth += parser.Current switch
                {
                    YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart => 1,
                    YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd => -1,
                    _ => 0,
                };
                if (depth > 64)
                {
                    return null;
                }
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
