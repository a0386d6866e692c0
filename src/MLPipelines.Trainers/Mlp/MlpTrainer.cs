using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Metrics;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Training;
using MLPipelines.Results;
using MLPipelines.Trainers.Mlp.Encoding;
using MLPipelines.Trainers.Mlp.Scoring;
using MLPipelines.Trainers.Mlp.Training;
using MLPipelines.Trainers.Training;
using CoreEpoch = MLPipelines.Results.EpochRecord;

namespace MLPipelines.Trainers.Mlp;

/// <summary>
/// The MLP trainer for tables (binary, multiclass, regression) on the MLPipelines.Neural engine, as an ML.NET
/// estimator. Reach it with <c>mlContext.BinaryClassification.Trainers.Mlp(...)</c> (and the multiclass and
/// regression catalogs), or <c>trainer: mlp</c> in a pipeline.
/// </summary>
/// <remarks>
/// <para><see cref="Fit"/>: reads the feature vector and label; fits the input encoding on the training rows
/// (<see cref="InputEncoding"/>: median fill, robust scaling + smooth clipping, small one-hot blocks kept, large ones
/// embedded); standardizes a regression target (<c>(y - mean) / std</c>); holds out
/// <see cref="MlpOptions.ValidationFraction"/> of the rows (stratified for classification) and trains with mini-batches,
/// keeping the weights of the epoch with the lowest validation loss; exports the network with its encoding and
/// output head as ONNX and returns an <see cref="MlpModel"/> that scores through ML.NET's <c>ApplyOnnxModel</c>.</para>
/// <para>Losses: softmax cross-entropy with label smoothing (multiclass), binary cross-entropy on smoothed targets
/// <c>t (1 - e) + e / 2</c> (binary), mean squared error on the standardized target (regression).</para>
/// </remarks>
public sealed class MlpTrainer : IEstimator<MlpModel>
{
    private readonly MLContext _ml;
    private readonly TaskKind _task;
    private readonly MlpOptions _options;
    private readonly string _label;
    private readonly string _features;
    private readonly NetworkFitHooks _hooks;

    internal MlpTrainer(MLContext ml, TaskKind task, MlpOptions options, string labelColumn, string featureColumn, NetworkFitHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(labelColumn);
        ArgumentException.ThrowIfNullOrEmpty(featureColumn);
        MlpOptionsValidator.ThrowIfInvalid(options, task);
        _ml = ml;
        _task = task;
        _options = options.Clone();
        _label = labelColumn;
        _features = featureColumn;
        _hooks = hooks ?? new NetworkFitHooks();
    }

    /// <summary>The task this trainer was created for.</summary>
    public TaskKind Task => _task;

    /// <summary>A copy of the options.</summary>
    public MlpOptions Options => _options.Clone();

    /// <summary>Trains the network on <paramref name="input"/> and returns the scoring transformer.</summary>
    /// <exception cref="NetworkTrainingException">Training diverged (non-finite loss).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    public MlpModel Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = _options.ResolvedFor(_task);
        var data = MlpTrainingData.Read(input, _task, _label, _features);
        var seed = o.Seed ?? _hooks.Seed ?? ((IHostEnvironment)_ml).Register(nameof(MlpTrainer)).Rand.Next();
        var scaling = o.InputScaling == MlpInputScaling.Auto
            ? (_hooks.FeaturesNormalized ? MlpInputScaling.None : MlpInputScaling.RobustClip)
            : o.InputScaling;
        var encoding = InputEncodingFitter.Fit(data.Features, data.Width, data.CategoricalBlocks, scaling, o.CategoricalEmbeddingThreshold);
        if (o.NumericEmbedding == MlpNumericEmbedding.Auto)
        {
            o.NumericEmbedding = encoding.NumericSlots.Count <= MlpOptions.AutoPeriodicMaxInputs ? MlpNumericEmbedding.Periodic : MlpNumericEmbedding.None;
        }

        var (targets, mean, std) = Targets(data);
        var outputs = _task == TaskKind.Multiclass ? data.ClassCount : 1;
        var dataset = new Dataset(data.Features, targets, data.Width);
        var kept = Train(o, o.Dropout ?? 0, encoding, outputs, seed, dataset, data, std);
        if (o.Dropout is null)
        {
            kept = ChooseDropout(o, kept, () => Train(o, MlpOptions.AutoDropout, encoding, outputs, seed, dataset, data, std));
        }

        foreach (var record in kept.Curve)
        {
            _hooks.Log?.Epochs.Add(record);
        }

        var (network, history) = (kept.Network, kept.History);
        o.Dropout = kept.Dropout;
        Note(history, data);
        var onnx = OnnxExporter.Export(network, ExportOptions(mean, std, o.EnsembleMembers > 1));
        var chain = MlpScoringChain.Create(_ml, _task, onnx, _features, input.Schema[_label], data.ClassCount).Fit(input);
        var parameters = new MlpModelParameters(_task, network.Summary(), network.ParameterCount, encoding, mean, std, history, o.Clone(), seed, data.Rows);
        return new MlpModel(chain, onnx, parameters, _features, input.Schema[_features].Type);
    }

    /// <summary>One training run of a freshly initialized network with the given dropout (same seed, split and batches for every call).</summary>
    private Attempt Train(MlpOptions o, double dropout, InputEncoding encoding, int outputs, int seed, Dataset dataset, MlpTrainingData data, double std)
    {
        var options = o.Clone();
        options.Dropout = dropout;
        var network = MlpNetworkFactory.Create(options, encoding, outputs, seed);
        var members = o.EnsembleMembers;
        var loss = members > 1 ? new EnsembleLoss(Loss(data), members) : Loss(data);
        Metric metric = _task == TaskKind.Regression ? new RootMeanSquaredError() : new Accuracy();
        if (loss is EnsembleLoss ensemble)
        {
            metric = new EnsembleMetric(metric, members, ensemble.Averaging);
        }

        var trainer = new NetworkTrainer(network, loss, NetworkTrainingSetup.Optimizer(_options), NetworkTrainingSetup.Schedule(_options),
            NetworkTrainingSetup.Options(o, seed), metric);

        var curve = new List<CoreEpoch>();
        try
        {
            var history = trainer.Fit(dataset, null, e => curve.Add(Record(e, std)), _hooks.Cancellation);
            return new Attempt(network, history, curve, dropout);
        }
        catch (TrainingDivergedException e)
        {
            throw NetworkTrainingException.Diverged(e, "MLP", options);
        }
    }

    /// <summary>
    /// <c>dropout: null</c> for classification (see <see cref="MlpOptions.Dropout"/>): the network trained without
    /// dropout is kept unless it overfit (its validation loss bottomed out at least <c>patience</c> epochs before its
    /// last epoch); then a second network with <see cref="MlpOptions.AutoDropout"/> is trained on the same split and
    /// the one with the lower best validation loss is kept. Without a validation split nothing can be compared, and
    /// the dropout network alone is trained.
    /// </summary>
    private Attempt ChooseDropout(MlpOptions o, Attempt plain, Func<Attempt> withDropout)
    {
        var overfit = plain.History.BestEpoch <= plain.History.Epochs.Count - o.Patience;
        if (!overfit)
        {
            _hooks.Log?.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"dropout auto: 0 (no overfitting: the best validation loss came at epoch {plain.History.BestEpoch} of {plain.History.Epochs.Count})"));
            return plain;
        }

        var dropped = withDropout();
        var (a, b) = (BestValidationLoss(plain), BestValidationLoss(dropped));
        var kept = b < a ? dropped : plain;
        if (_hooks.Log is { } log)
        {
            log.Values["dropout_candidates_trained"] = 2;
            log.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"dropout auto: {kept.Dropout:0.##} (best validation loss {a:0.#####} without dropout, stopped at epoch {plain.History.Epochs.Count}; {b:0.#####} with {MlpOptions.AutoDropout:0.##})"));
        }

        return kept;
    }

    private static double BestValidationLoss(Attempt attempt) =>
        attempt.History.Epochs[attempt.History.BestEpoch - 1].ValidationLoss ?? double.PositiveInfinity;

    /// <summary>A trained network, its history and learning curve (on the label's scale), and its dropout.</summary>
    private sealed record Attempt(Network Network, TrainingHistory History, List<CoreEpoch> Curve, double Dropout);

    /// <inheritdoc />
    /// <remarks>The added columns as described on <see cref="PredictionSchema"/>.</remarks>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        MlpSchema.CheckShape(inputSchema, _label, _features, _task);
        return PredictionSchema.Shape(_ml, _task, _label, _features, inputSchema);
    }

    private (float[] Targets, double Mean, double Std) Targets(MlpTrainingData data)
    {
        var t = data.Targets;
        switch (_task)
        {
            case TaskKind.Regression:
            {
                double sum = 0, squares = 0;
                foreach (var v in t)
                {
                    sum += v;
                }

                var mean = sum / t.Length;
                foreach (var v in t)
                {
                    squares += (v - mean) * (v - mean);
                }

                var std = Math.Sqrt(squares / t.Length);
                std = std > 0 && double.IsFinite(std) ? std : 1;
                return ([.. t.Select(v => (float)((v - mean) / std))], mean, std);
            }

            case TaskKind.Binary:
            {
                var e = (float)_options.LabelSmoothing;
                return (e > 0 ? [.. t.Select(v => (v * (1 - e)) + (e / 2))] : t, 0, 1);
            }

            default:
                return (t, 0, 1);
        }
    }

    private Loss Loss(MlpTrainingData data)
    {
        var balanced = _options.ClassWeights == MlpClassWeights.Balanced;
        switch (_task)
        {
            case TaskKind.Multiclass:
                return new SoftmaxCrossEntropy((float)_options.LabelSmoothing,
                    balanced ? SoftmaxCrossEntropy.BalancedWeights(data.Targets, data.ClassCount) : null);
            case TaskKind.Binary:
                var positives = data.Targets.Count(v => v > 0.5f);
                var negatives = data.Targets.Length - positives;
                return new BinaryCrossEntropyWithLogits(balanced && positives > 0 && negatives > 0 ? (float)negatives / positives : 1f);
            default:
                return new MeanSquaredError();
        }
    }

    private OnnxExportOptions ExportOptions(double mean, double std, bool ensemble)
    {
        var export = new OnnxExportOptions { InputName = _features, ProducerName = "MLPipelines.Trainers.Mlp", AverageMembers = ensemble };
        switch (_task)
        {
            case TaskKind.Binary:
                export.Outputs.Add(new OnnxOutput(ScoreColumns.Logit, OnnxOutputKind.ProbabilityLogit));
                export.Outputs.Add(new OnnxOutput(ScoreColumns.Probability, OnnxOutputKind.Sigmoid));
                break;
            case TaskKind.Multiclass:
                export.Outputs.Add(new OnnxOutput("Score", OnnxOutputKind.Softmax));
                break;
            default:
                export.OutputScale = [(float)std];
                export.OutputShift = [(float)mean];
                export.Outputs.Add(new OnnxOutput(ScoreColumns.Value, OnnxOutputKind.Raw));
                break;
        }

        return export;
    }

    /// <summary>An epoch as a point of the run's learning curve (regression RMSE back on the label's scale).</summary>
    private CoreEpoch Record(Neural.Training.EpochRecord e, double std)
    {
        var scale = _task == TaskKind.Regression ? std : 1;
        return new CoreEpoch(e.Epoch, e.TrainLoss, e.ValidationLoss, e.TrainMetric * scale, e.ValidationMetric * scale, e.LearningRate, e.Seconds);
    }

    private void Note(TrainingHistory history, MlpTrainingData data)
    {
        NetworkTrainingSetup.Note(_hooks.Log, history);
        if (data.SkippedRows > 0)
        {
            _hooks.Log?.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{data.SkippedRows} row(s) without a label were skipped"));
        }
    }
}
