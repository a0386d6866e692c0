using MLPipelines.Core.Runs;

namespace MLPipelines.Serving;

/// <summary>One loaded model zip as the server offers it.</summary>
/// <param name="Name">The name in <c>POST /predict/NAME</c>: the zip's file name without <c>.zip</c>.</param>
/// <param name="File">The zip.</param>
/// <param name="Predictor">The loaded model; thread-safe, shared by concurrent requests.</param>
/// <param name="Metrics">Mean metrics over the run's splits (from its results.json); empty for a lone zip.</param>
public sealed record ServedModel(string Name, string File, BatchPredictor Predictor, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary><c>binary</c>, <c>multiclass</c>, <c>regression</c>, or empty for zips without MLPipelines metadata.</summary>
    public string Task => Predictor.Metadata?.Task ?? "";

    /// <summary>Whether the model takes images (pixels or image files) rather than table rows.</summary>
    public bool IsImageModel => Predictor.Image is not null;
}
