using System.Diagnostics;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Metrics;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Schedules;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Training;

/// <summary>
/// Mini-batch training of a built <see cref="Network"/>: seeded shuffling each epoch, forward, loss, backward,
/// optional gradient clipping, optimizer step with the scheduled learning rate; per-epoch learning curves,
/// early stopping with restore of the best epoch, a NaN/Inf guard, cancellation and a per-epoch callback.
/// </summary>
/// <remarks>
/// The training loop allocates nothing per step: batch buffers are allocated once, layers reuse their workspaces.
/// With the same seed the final weights are bit-identical whatever <see cref="TrainingOptions.Threads"/> is.
/// </remarks>
public sealed class NetworkTrainer
{
    private readonly Network _network;
    private readonly Loss _loss;
    private readonly Optimizer _optimizer;
    private readonly LearningRateSchedule _schedule;
    private readonly TrainingOptions _options;
    private readonly Metric? _metric;

    /// <summary>Creates a trainer; the network must be built.</summary>
    public NetworkTrainer(Network network, Loss loss, Optimizer optimizer, LearningRateSchedule schedule, TrainingOptions options, Metric? metric = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!network.IsBuilt)
        {
            throw new ArgumentException("Build the network (network.Build(seed)) before training it.", nameof(network));
        }

        _network = network;
        _loss = loss;
        _optimizer = optimizer;
        _schedule = schedule;
        _options = options;
        _metric = metric;
    }

    /// <summary>
    /// Trains on <paramref name="train"/>; validates on <paramref name="validation"/>, or on a split of
    /// <see cref="TrainingOptions.ValidationFraction"/> of the training rows, or not at all.
    /// </summary>
    /// <param name="onEpoch">Called synchronously after each epoch with its record.</param>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (checked before every mini-batch).</exception>
    public TrainingHistory Fit(Dataset train, Dataset? validation = null, Action<EpochRecord>? onEpoch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        int[]? trainRows = null, validationRows = null;
        if (validation is null && _options.ValidationFraction > 0)
        {
            var classification = _loss is SoftmaxCrossEntropy || (_loss is BinaryCrossEntropyWithLogits && train.TargetWidth == 1);
            // The two sides as rows of the one matrix, not copies of it: the same batches, none of the memory.
            (trainRows, validationRows) = train.SplitRows(_options.ValidationFraction, _options.Seed, _options.StratifiedValidation && classification);
            validation = train;
        }

        var trainCount = trainRows?.Length ?? train.Rows;

        CheckData(train, nameof(train));
        if (validation is not null)
        {
            CheckData(validation, nameof(validation));
        }

        if (_options.EarlyStopping && validation is null)
        {
            throw new ArgumentException("Early stopping needs validation data: pass a validation set or set a validation fraction > 0.", nameof(validation));
        }

        _network.Threads = _options.Threads;
        _optimizer.Threads = _network.Threads;
        var history = new TrainingHistory(_metric?.Name);
        var batchSize = Math.Min(_options.BatchSize, trainCount);
        var outWidth = _network.OutputShape.Size;
        var targetWidth = train.TargetWidth;
        var featureSize = train.FeatureShape.Size;
        // Capacity batchSize + 1: a last batch of a single row is merged into the one before it (batch norm needs
        // two rows, and a one-row step is mostly noise), so one batch per epoch may hold batchSize + 1 rows.
        var batchX = new Tensor(batchSize + 1, train.FeatureShape);
        var batchT = new float[(batchSize + 1) * targetWidth];
        var gradient = new Tensor(batchSize + 1, _network.OutputShape);
        var order = Enumerable.Range(0, trainCount).ToArray();
        var random = new Random(_options.Seed);
        var batchesPerEpoch = (trainCount + batchSize - 1) / batchSize;
        if (trainCount > batchSize && trainCount % batchSize == 1)
        {
            batchesPerEpoch--;
        }

        long totalSteps = (long)batchesPerEpoch * _options.Epochs;
        long step = 0;
        var bestLoss = double.PositiveInfinity;
        NetworkState? best = null;
        var sinceBest = 0;
        var trainTicks = 0L;

        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var started = Stopwatch.GetTimestamp();
            random.Shuffle(order);
            _metric?.Reset();
            double lossSum = 0;
            var lr = 0f;
            for (var start = 0; start < trainCount;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(batchSize, trainCount - start);
                if (trainCount - start - count == 1)
                {
                    count++;
                }

                batchX.Resize(count);
                gradient.Resize(count);
                var xs = batchX.Span;
                for (var i = 0; i < count; i++)
                {
                    var r = trainRows is null ? order[start + i] : trainRows[order[start + i]];
                    train.Features.AsSpan(r * featureSize, featureSize).CopyTo(xs.Slice(i * featureSize, featureSize));
                    train.Targets.AsSpan(r * targetWidth, targetWidth).CopyTo(batchT.AsSpan(i * targetWidth, targetWidth));
                }

                _options.Augmentation?.Apply(batchX, step, _network.Threads);
                var output = _network.Forward(batchX, training: true);
                var ts = batchT.AsSpan(0, count * targetWidth);
                var loss = _loss.Evaluate(output.Span, ts, count, outWidth, gradient.Span);
                if (!double.IsFinite(loss))
                {
                    throw TrainingDivergedException.NonFiniteLoss(loss, epoch);
                }

                lossSum += loss * count;
                _metric?.Update(output.Span, ts, count, outWidth);
                _network.Backward(gradient);
                if (_options.GradientClipNorm > 0)
                {
                    GradientClipping.ClipByGlobalNorm(_network.Parameters, _options.GradientClipNorm);
                }

                lr = _schedule.Rate(step, totalSteps);
                _optimizer.Step(_network.Parameters, lr);
                step++;
                start += count;
            }

            trainTicks += Stopwatch.GetTimestamp() - started;
            var trainLoss = lossSum / trainCount;
            double? trainMetric = _metric is null ? null : _metric.Result;
            double? validLoss = null, validMetric = null;
            if (validation is not null)
            {
                (validLoss, validMetric) = Evaluate(validation, validationRows);
                if (!double.IsFinite(validLoss.Value))
                {
                    throw TrainingDivergedException.NonFiniteLoss(validLoss.Value, epoch);
                }
            }

            var record = new EpochRecord(epoch, trainLoss, trainMetric, validLoss, validMetric, lr, Stopwatch.GetElapsedTime(started).TotalSeconds);
            history.Epochs.Add(record);
            history.BestEpoch = epoch;
            onEpoch?.Invoke(record);
            if (validLoss is double vl)
            {
                if (vl < bestLoss)
                {
                    bestLoss = vl;
                    sinceBest = 0;
                    if (_options.RestoreBestEpoch || _options.EarlyStopping)
                    {
                        best = _network.CaptureState();
                    }

                    history.BestEpoch = epoch;
                }
                else
                {
                    sinceBest++;
                    history.BestEpoch = history.Epochs.MinBy(e => e.ValidationLoss!.Value)!.Epoch;
                }

                if (_options.EarlyStopping && sinceBest >= _options.Patience && epoch < _options.Epochs)
                {
                    history.StoppedEarly = true;
                    break;
                }
            }
        }

        if (best is not null && _options.RestoreBestEpoch)
        {
            _network.RestoreState(best);
        }
        else
        {
            history.BestEpoch = history.Epochs[^1].Epoch;
        }

        var seconds = (double)trainTicks / Stopwatch.Frequency;
        history.SamplesPerSecond = seconds > 0 ? (double)trainCount * history.Epochs.Count / seconds : 0;
        return history;
    }

    /// <summary>Loss and metric of the network (inference mode) on <paramref name="data"/>.</summary>
    public (double Loss, double? Metric) Evaluate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Evaluate(data, null);
    }

    /// <summary>As <see cref="Evaluate(Dataset)"/> on rows <paramref name="rows"/> of <paramref name="data"/> (null = all, in order).</summary>
    private (double Loss, double? Metric) Evaluate(Dataset data, int[]? rows)
    {
        CheckData(data, nameof(data));
        var n = rows?.Length ?? data.Rows;
        var batch = Math.Min(_options.EvaluationBatchSize, n);
        var x = new Tensor(batch, data.FeatureShape);
        var fs = data.FeatureShape.Size;
        var tw = data.TargetWidth;
        var targets = rows is null ? [] : new float[batch * tw];
        var outWidth = _network.OutputShape.Size;
        _metric?.Reset();
        double lossSum = 0;
        for (var start = 0; start < n; start += batch)
        {
            var count = Math.Min(batch, n - start);
            x.Resize(count);
            ReadOnlySpan<float> ts;
            if (rows is null)
            {
                data.Features.AsSpan(start * fs, count * fs).CopyTo(x.Span);
                ts = data.Targets.AsSpan(start * tw, count * tw);
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    var r = rows[start + i];
                    data.Features.AsSpan(r * fs, fs).CopyTo(x.Span.Slice(i * fs, fs));
                    data.Targets.AsSpan(r * tw, tw).CopyTo(targets.AsSpan(i * tw, tw));
                }

                ts = targets.AsSpan(0, count * tw);
            }

            var y = _network.Forward(x, training: false);
            lossSum += _loss.Evaluate(y.Span, ts, count, outWidth, []) * count;
            _metric?.Update(y.Span, ts, count, outWidth);
        }

        return (lossSum / n, _metric is null ? null : _metric.Result);
    }

    private void CheckData(Dataset data, string name)
    {
        if (!data.FeatureShape.Equals(_network.InputShape))
        {
            throw new ArgumentException($"The network expects samples of shape {_network.InputShape}, the {name} data has {data.FeatureShape}.", name);
        }

        var expected = _loss.TargetWidth(_network.OutputShape.Size);
        if (data.TargetWidth != expected)
        {
            throw new ArgumentException($"{_loss.GetType().Name} needs {expected} target value(s) per row, the {name} data has {data.TargetWidth}.", name);
        }

        if (data.Rows == 0)
        {
            throw new ArgumentException($"The {name} data has no rows.", name);
        }
    }
}
