using MLPipelines.Results;

namespace MLPipelines.XGBoost;

/// <summary>
/// What an XGBoost fit produced besides the scoring transforms: the booster's own JSON model (the same bytes travel
/// in the ONNX graph's metadata inside a saved zip), the parameters it was trained with and its size.
/// (<see cref="XGBoostModel"/>'s <c>Model</c>, in ML.NET's prediction-transformer terms.)
/// </summary>
public sealed class XGBoostModelParameters
{
    private readonly Func<byte[]> _boosterJson;

    internal XGBoostModelParameters(TaskKind task, Func<byte[]> boosterJson, IReadOnlyList<KeyValuePair<string, string>> parameters,
        int rounds, int trees, int trainingRows, Version libraryVersion)
    {
        Task = task;
        _boosterJson = boosterJson;
        Parameters = parameters;
        Rounds = rounds;
        Trees = trees;
        TrainingRows = trainingRows;
        LibraryVersion = libraryVersion;
    }

    /// <summary>Binary, multiclass or regression.</summary>
    public TaskKind Task { get; }

    /// <summary>The booster as XGBoost saves it (<c>save_model("x.json")</c> format); loadable by any XGBoost 1.6+.</summary>
    public ReadOnlyMemory<byte> BoosterJson => _boosterJson();

    /// <summary>The <c>XGBoosterSetParam</c> pairs of the fit, in the order they were set.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>Boosting rounds trained.</summary>
    public int Rounds { get; }

    /// <summary>Trees in the model (rounds x classes for multiclass).</summary>
    public int Trees { get; }

    /// <summary>Rows with a label that the booster was trained on.</summary>
    public int TrainingRows { get; }

    /// <summary>Version of the XGBoost library that trained it.</summary>
    public Version LibraryVersion { get; }
}
