using System.Text.Json;
using System.Text.Json.Nodes;
using MLPipelines.Results.Statistics;
using MLPipelines.Results.Statistics.Distributions;

// Usage: stats-dump run FIXTURE.json | matrix FIXTURE.json | experiment FIXTURE.json | probe PROBES.json
// Prints one JSON document on stdout; bench/stats_reference.py reads it.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: stats-dump run|matrix|experiment|probe FILE.json");
    return 2;
}

var input = JsonNode.Parse(File.ReadAllText(args[1]))!.AsObject();
JsonNode output = args[0] switch
{
    "run" => Run(input),
    "matrix" => Matrix(input),
    "experiment" => Experiment(input),
    "probe" => Probe(input),
    _ => throw new ArgumentException($"Unknown verb '{args[0]}'."),
};
Console.WriteLine(output.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
return 0;

static ResamplingDesign DesignOf(JsonNode evaluation)
{
    int repeats = (int)evaluation["repeats"]!;
    return (string)evaluation["method"]! == "holdout"
        ? ResamplingDesign.Holdout((double)evaluation["test_fraction"]!, repeats)
        : ResamplingDesign.KFold((int)evaluation["folds"]!, repeats);
}

static List<ModelScores> ModelsOf(JsonNode models) => [.. models.AsArray().Select(m => new ModelScores(
    (string)m!["name"]!,
    m["metrics"]!.AsObject().ToDictionary(
        kv => kv.Key,
        kv => (IReadOnlyList<double>)[.. kv.Value!["folds"]!.AsArray().Select(v => (double)v!)])))];

static JsonNode Experiment(JsonObject fixture)
{
    var datasets = fixture["datasets"]!.AsArray()
        .Select(d => new DatasetScores((string)d!["name"]!, DesignOf(d["evaluation"]!), ModelsOf(d["models"]!)))
        .ToList();
    var result = ExperimentAnalysis.Run(datasets, (string)fixture["metric"]!, (string)fixture["baseline"]!);
    return JsonSerializer.SerializeToNode(result)!;
}

static JsonNode Run(JsonObject fixture)
{
    var design = DesignOf(fixture["evaluation"]!);
    var models = ModelsOf(fixture["models"]!);
    var summaries = new JsonObject();
    foreach (var model in models)
    {
        var perMetric = new JsonObject();
        foreach (var (metric, folds) in model.Metrics)
        {
            perMetric[metric] = JsonSerializer.SerializeToNode(DescriptiveStatistics.Summarize(folds, design));
        }

        summaries[model.Name] = perMetric;
    }

    string baseline = (string)fixture["report"]!["baseline"]!;
    return new JsonObject
    {
        ["design"] = JsonSerializer.SerializeToNode(design),
        ["summaries"] = summaries,
        ["baseline"] = JsonSerializer.SerializeToNode(ModelComparer.AgainstBaseline(models, baseline, design)),
        ["all_pairs"] = JsonSerializer.SerializeToNode(ModelComparer.AllPairs(models, design)),
    };
}

static JsonNode Matrix(JsonObject fixture)
{
    var direction = (string)fixture["direction"]! == "lower" ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter;
    var matrix = new ScoreMatrix(
        [.. fixture["models"]!.AsArray().Select(v => (string)v!)],
        [.. fixture["datasets"]!.AsArray().Select(v => (string)v!)],
        [.. fixture["values"]!.AsArray().Select(row => (IReadOnlyList<double>)[.. row!.AsArray().Select(v => (double)v!)])]);
    var friedman = FriedmanTest.Run(matrix, direction);
    var result = new JsonObject
    {
        ["friedman"] = JsonSerializer.SerializeToNode(friedman),
        ["nemenyi"] = JsonSerializer.SerializeToNode(NemenyiTest.Run(friedman)),
        ["nemenyi_0.10"] = JsonSerializer.SerializeToNode(NemenyiTest.Run(friedman, 0.10)),
        ["bonferroni_dunn_cd"] = CriticalDifference.BonferroniDunn(matrix.Models.Count, matrix.Datasets.Count),
    };
    return result;
}

static JsonNode Probe(JsonObject probes)
{
    var result = new JsonObject();
    foreach (var (name, points) in probes)
    {
        Func<double[], double> function = name switch
        {
            "t_cdf" => p => StudentT.Cdf(p[0], p[1]),
            "t_two_sided" => p => StudentT.TwoSidedPValue(p[0], p[1]),
            "t_quantile" => p => StudentT.Quantile(p[0], p[1]),
            "chi2_sf" => p => ChiSquared.Survival(p[0], p[1]),
            "chi2_cdf" => p => ChiSquared.Cdf(p[0], p[1]),
            "f_sf" => p => FisherF.Survival(p[0], p[1], p[2]),
            "norm_cdf" => p => Normal.Cdf(p[0]),
            "norm_quantile" => p => Normal.Quantile(p[0]),
            "srange_cdf" => p => StudentizedRange.Cdf(p[0], (int)p[1]),
            "srange_sf" => p => StudentizedRange.Survival(p[0], (int)p[1]),
            "srange_quantile" => p => StudentizedRange.Quantile(p[0], (int)p[1]),
            _ => throw new ArgumentException($"Unknown probe '{name}'."),
        };
        result[name] = new JsonArray([.. points!.AsArray().Select(p => (JsonNode)JsonValue.Create(function([.. p!.AsArray().Select(v => (double)v!)])))]);
    }

    return result;
}
