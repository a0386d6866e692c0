using Microsoft.ML;
using MLPipelines.Results;
using MLPipelines.Trainers.Mlp.Scoring;
using MLPipelines.XGBoost.Native;
using MLPipelines.XGBoost.Onnx;

namespace MLPipelines.XGBoost.Training;

/// <summary>
/// A trained booster and what turning it into ML.NET scoring transforms needs, done on first use rather than in
/// <see cref="XGBoostTrainer.Fit"/>: the booster's JSON model (<c>XGBoosterSaveModelToBuffer</c>, after which the
/// native booster is released), its ONNX tree ensemble, and the scoring chain with its ONNX Runtime session. Python's
/// <c>xgboost.train</c> stops at the booster too; these steps cost a fit 0.1-0.6 s (letter's 2,600 trees), paid here
/// once the model is first scored, saved or asked for its JSON or ONNX bytes.
/// </summary>
internal sealed class XGBoostScoringBuilder : IDisposable
{
    private readonly MLContext _ml;
    private readonly TaskKind _task;
    private readonly string _label;
    private readonly string _features;
    private readonly int _classCount;
    private readonly int _width;
    private readonly Lazy<byte[]> _json;
    private Booster? _booster;
    private IDataView? _training;

    /// <param name="training">The view the model was fitted on; the scoring chain takes its schema (no row is read).</param>
    public XGBoostScoringBuilder(MLContext ml, TaskKind task, Booster booster, IDataView training, string label, string features, int width, int classCount)
    {
        (_ml, _task, _booster, _training, _label, _features, _width, _classCount) = (ml, task, booster, training, label, features, width, classCount);
        _json = new Lazy<byte[]>(SaveJson, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The booster's JSON model (<c>save_model("x.json")</c> format).</summary>
    public byte[] BoosterJson => _json.Value;

    /// <summary>The scoring chain and the ONNX bytes it applies.</summary>
    public (ITransformer Chain, byte[] Onnx) Build()
    {
        var json = BoosterJson;
        var training = _training ?? throw new ObjectDisposedException(nameof(XGBoostModel));
        var onnx = TreeEnsembleOnnxWriter.Write(XGBoostJsonModel.Parse(json), json, _features, Outputs(_task));
        var chain = MlpScoringChain.Create(_ml, _task, onnx, _features, training.Schema[_label], _classCount).Fit(training);
        _training = null;
        return (chain, onnx);
    }

    /// <summary>
    /// The schema the scoring chain gives <paramref name="input"/>, without converting the booster: the same chain
    /// built on a placeholder ensemble of the same shape (one leaf per output), whose ONNX Runtime session is small.
    /// </summary>
    public DataViewSchema OutputSchema(DataViewSchema input)
    {
        var training = _training ?? throw new ObjectDisposedException(nameof(XGBoostModel));
        var objective = _task switch
        {
            TaskKind.Binary => "binary:logistic",
            TaskKind.Multiclass => "multi:softprob",
            _ => "reg:squarederror",
        };
        var shape = XGBoostJsonModel.Placeholder(objective, _task == TaskKind.Multiclass ? _classCount : 0, _width);
        var onnx = TreeEnsembleOnnxWriter.Write(shape, [], _features, Outputs(_task));
        var chain = MlpScoringChain.Create(_ml, _task, onnx, _features, training.Schema[_label], _classCount).Fit(training);
        try
        {
            return chain.GetOutputSchema(input);
        }
        finally
        {
            (chain as IDisposable)?.Dispose();
        }
    }

    /// <summary>Releases the native booster if its JSON model was never asked for.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _booster, null)?.Dispose();
        _training = null;
    }

    private byte[] SaveJson()
    {
        var booster = Interlocked.Exchange(ref _booster, null) ?? throw new ObjectDisposedException(nameof(XGBoostModel));
        using (booster)
        {
            return booster.Save("json");
        }
    }

    private static TreeEnsembleOutputs Outputs(TaskKind task) => task switch
    {
        TaskKind.Binary => new(ScoreColumns.Logit, Probability: ScoreColumns.Probability),
        TaskKind.Multiclass => new(null, ClassProbabilities: "Score"),
        _ => new(ScoreColumns.Value),
    };
}
