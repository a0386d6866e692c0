namespace MLPipelines.Results.Experiments;

/// <summary>A dataset of an experiment (a matrix row) and where its run is.</summary>
public sealed record ExperimentDataset
{
    /// <summary>Dataset name (<c>datasets[].name</c>; default the pipeline's or the file's name).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The dataset's run folder relative to the experiment folder (<c>runs/NAME</c>): the usual run files
    /// (<c>results.json</c>, <c>report.md</c>, models, predictions).
    /// </summary>
    public required string RunDirectory { get; init; }

    /// <summary>Data file (or training images) as the run read it.</summary>
    public string Path { get; init; } = "";

    /// <summary><c>binary</c>, <c>multiclass</c> or <c>regression</c>.</summary>
    public required string Task { get; init; }

    public int Rows { get; init; }

    public int Features { get; init; }

    /// <summary>Classes (classification); 0 for regression.</summary>
    public int Classes { get; init; }

    /// <summary>Seconds the dataset's run took.</summary>
    public double DurationSeconds { get; init; }
}
