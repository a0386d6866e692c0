using MLPipelines.Core.Runs;
using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Serving;

/// <summary>
/// The models a server offers: every <c>models/*.zip</c> of a run folder (with its metrics from results.json), or a
/// single model zip. Every zip is loaded at start-up, so a damaged one stops the server before it listens.
/// </summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ServedModel> _models;

    private ModelCatalog(IReadOnlyList<ServedModel> models, ServedModel defaultModel)
    {
        Models = models;
        Default = defaultModel;
        _models = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>Every model, in name order.</summary>
    public IReadOnlyList<ServedModel> Models { get; }

    /// <summary>The model <c>POST /predict</c> scores.</summary>
    public ServedModel Default { get; }

    /// <summary>Loads a run folder or a model zip.</summary>
    /// <param name="path">A run folder (its <c>models/*.zip</c>) or one model zip.</param>
    /// <param name="defaultModel">The default model's name; null = the only one, or the run's best by its primary metric.</param>
    /// <exception cref="DataFileException">No such file or folder, no model in it, a zip that does not load, an unknown default.</exception>
    public static ModelCatalog Load(string path, string? defaultModel = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        RunResults? results = null;
        List<string> zips;
        if (Directory.Exists(path))
        {
            var folder = Path.Combine(path, "models");
            zips = Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.zip").Order(StringComparer.Ordinal)] : [];
            if (zips.Count == 0)
            {
                throw DataFileException.File(path, "no models/*.zip in this folder; give a run folder or a model zip");
            }

            var resultsFile = Path.Combine(path, "results.json");
            results = File.Exists(resultsFile) ? TryRead(resultsFile) : null;
        }
        else if (File.Exists(path))
        {
            zips = [path];
        }
        else
        {
            throw DataFileException.File(path, "no such run folder or model zip");
        }

        var models = zips.Select(zip => Served(zip, results)).ToList();
        return new ModelCatalog(models, ChooseDefault(path, models, results, defaultModel));
    }

    /// <summary>The model named <paramref name="name"/>.</summary>
    /// <exception cref="BadRequestException">No model has that name (the message lists them, with a "did you mean").</exception>
    public ServedModel Get(string name)
    {
        if (_models.TryGetValue(name, out var model))
        {
            return model;
        }

        throw new BadRequestException($"unknown model '{name}'{Sentence(NameSuggester.DidYouMean(name, _models.Keys))}This server has: {string.Join(", ", _models.Keys)} (GET /models describes them)");
    }

    /// <summary>Ends a message part with its "did you mean" question, or a full stop.</summary>
    internal static string Sentence(string didYouMean) => didYouMean.Length > 0 ? didYouMean + " " : ". ";

    private static ServedModel Served(string zip, RunResults? results)
    {
        var name = Path.GetFileNameWithoutExtension(zip);
        var result = results?.Models.FirstOrDefault(m => m.Name == name || m.ModelFile == $"models/{name}.zip");
        var metrics = result?.Metrics.ToDictionary(kv => kv.Key, kv => kv.Value.Mean, StringComparer.Ordinal)
            ?? new Dictionary<string, double>(StringComparer.Ordinal);
        return new ServedModel(name, zip, BatchPredictor.Load(zip), metrics);
    }

    private static ServedModel ChooseDefault(string path, List<ServedModel> models, RunResults? results, string? wanted)
    {
        if (wanted is not null)
        {
            return models.FirstOrDefault(m => m.Name == wanted)
                ?? throw DataFileException.File(path, $"no model '{wanted}'{Sentence(NameSuggester.DidYouMean(wanted, models.Select(m => m.Name)))}It has: {string.Join(", ", models.Select(m => m.Name))}");
        }

        if (models.Count == 1 || results is null)
        {
            return models[0];
        }

        var metric = results.PrimaryMetric;
        var scored = models.Where(m => m.Metrics.ContainsKey(metric)).ToList();
        if (scored.Count == 0)
        {
            return models[0];
        }

        return TaskMetrics.HigherIsBetter(metric)
            ? scored.MaxBy(m => m.Metrics[metric])!
            : scored.MinBy(m => m.Metrics[metric])!;
    }

    private static RunResults? TryRead(string file)
    {
        try
        {
            return ResultsJson.Read(file);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or NotSupportedException)
        {
            return null; // metrics are a convenience; the zips alone are enough to serve
        }
    }
}
