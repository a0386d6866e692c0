using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLPipelines.Neural.Augmentation;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Metrics;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Training;
using MLPipelines.Results;
using MLPipelines.Trainers.Cnn.Building;
using MLPipelines.Trainers.Cnn.Training;
using MLPipelines.Trainers.Mlp.Scoring;
using MLPipelines.Trainers.Training;
using CoreEpoch = MLPipelines.Results.EpochRecord;

namespace MLPipelines.Trainers.Cnn;

/// <summary>
/// The convolutional image classifier on the MLPipelines.Neural engine, as an ML.NET multiclass estimator. Reach it
/// with <c>mlContext.MulticlassClassification.Trainers.Cnn(...)</c>, or <c>trainer: cnn</c> in an image pipeline.
/// </summary>
/// <remarks>
/// <para><see cref="Fit"/>: reads the pixel vectors (one image <c>[C, H, W]</c> per row) and the key label; fits the
/// per-channel pixel standardization on the training images; holds out <see cref="CnnOptions.ValidationFraction"/> of
/// them (stratified); trains the network (a preset or an explicit layer list, then <c>Dense(classes)</c>) with softmax
/// cross-entropy (label smoothing), mini-batches augmented by random crop / flip / erasing, and the chosen optimizer
/// and schedule, keeping the weights of the epoch with the lowest validation loss (the last epoch without a split);
/// exports standardization + network + softmax as ONNX and returns a <see cref="CnnModel"/> that scores through
/// ML.NET's <c>ApplyOnnxModel</c>, exactly as the MLP does.</para>
/// </remarks>
public sealed class CnnTrainer : IEstimator<CnnModel>
{
    private readonly MLContext _ml;
    private readonly CnnOptions _options;
    private readonly string _label;
    private readonly string _features;
    private readonly NetworkFitHooks _hooks;

    internal CnnTrainer(MLContext ml, CnnOptions options, string labelColumn, string featureColumn, NetworkFitHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(labelColumn);
        ArgumentException.ThrowIfNullOrEmpty(featureColumn);
        CnnOptionsValidator.ThrowIfInvalid(options);
        _ml = ml;
        _options = options.Clone();
        _label = labelColumn;
        _features = featureColumn;
        _hooks = hooks ?? new NetworkFitHooks();
    }

    /// <summary>A copy of the options.</summary>
    public CnnOptions Options => _options.Clone();

    /// <summary>Trains the network on <paramref name="input"/> and returns the scoring transformer.</summary>
    /// <exception cref="NetworkTrainingException">Training diverged (non-finite loss).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    /// <exception cref="ArgumentException">The image shape or the layers do not fit the feature vector.</exception>
    public CnnModel Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = _options;
        var data = CnnTrainingData.Read(input, _label, _features);
        var image = ImageShapeResolver.Resolve(data.Width, _hooks.ImageShape, o.ImageShape, _features);
        var seed = o.Seed ?? _hooks.Seed ?? ((IHostEnvironment)_ml).Register(nameof(CnnTrainer)).Rand.Next();
        var standardizer = o.Normalize ? PixelStandardizer.Fit(data.Pixels, image) : PixelStandardizer.Identity(image);
        standardizer.Apply(data.Pixels);
        var network = CnnNetworkFactory.Create(o, image, data.ClassCount, seed);
        var trainer = new NetworkTrainer(network, new SoftmaxCrossEntropy((float)o.LabelSmoothing), NetworkTrainingSetup.Optimizer(o),
            NetworkTrainingSetup.Schedule(o), NetworkTrainingSetup.Options(o, seed, Augmentation(standardizer, seed)), new Accuracy());

        TrainingHistory history;
        try
        {
            history = trainer.Fit(new Dataset(data.Pixels, data.Classes, image), null, Record, _hooks.Cancellation);
        }
        catch (TrainingDivergedException e)
        {
            throw NetworkTrainingException.Diverged(e, "CNN", o);
        }

        Note(history, data);
        var onnx = OnnxExporter.Export(network, new OnnxExportOptions
        {
            InputName = _features,
            FlatInput = true,
            InputTransform = o.Normalize ? standardizer.Export : null,
            ProducerName = "MLPipelines.Trainers.Cnn",
            Outputs = { new OnnxOutput("Score", OnnxOutputKind.Softmax) },
        });
        var chain = MlpScoringChain.Create(_ml, TaskKind.Multiclass, onnx, _features, input.Schema[_label], data.ClassCount).Fit(input);
        var parameters = new CnnModelParameters(network.Summary(), network.ParameterCount, image.ToArray(), standardizer.Mean, standardizer.Std,
            history, o.Clone(), seed, data.Rows, data.ClassCount);
        return new CnnModel(chain, onnx, parameters, _features, input.Schema[_features].Type);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The added columns' shapes come from public ML.NET estimators applied to the input shape (SchemaShape columns
    /// cannot be built directly): <c>Score</c> converts the feature vector, <c>PredictedLabel</c> copies the key label.
    /// </remarks>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        CnnSchema.CheckShape(inputSchema, _label, _features);
        var t = _ml.Transforms;
        return t.Conversion.ConvertType("Score", _features, DataKind.Single)
            .Append(t.CopyColumns("PredictedLabel", _label))
            .GetOutputSchema(inputSchema);
    }

    private ImageAugmentation? Augmentation(PixelStandardizer standardizer, int seed)
    {
        var options = new ImageAugmentationOptions
        {
            CropPadding = _options.CropPadding,
            HorizontalFlip = _options.HorizontalFlip,
            ErasingProbability = (float)_options.RandomErasing,
            FillValue = standardizer.Black,
        };
        return options.Enabled ? new ImageAugmentation(options, seed) : null;
    }

    /// <summary>Copies an epoch into the run's learning curve.</summary>
    private void Record(Neural.Training.EpochRecord e) =>
        _hooks.Log?.Epochs.Add(new CoreEpoch(e.Epoch, e.TrainLoss, e.ValidationLoss, e.TrainMetric, e.ValidationMetric, e.LearningRate, e.Seconds));

    private void Note(TrainingHistory history, CnnTrainingData data)
    {
        NetworkTrainingSetup.Note(_hooks.Log, history);
        if (_hooks.Log is not { } log)
        {
            return;
        }

        if (!history.StoppedEarly && _options.ValidationFraction > 0 && history.BestEpoch < history.Epochs.Count)
        {
            log.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"kept epoch {history.BestEpoch} of {history.Epochs.Count} (lowest validation loss)"));
        }

        if (data.SkippedRows > 0)
        {
            log.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{data.SkippedRows} image(s) without a label were skipped"));
        }
    }
}
