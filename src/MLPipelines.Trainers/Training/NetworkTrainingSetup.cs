using System.Globalization;
using MLPipelines.Core.Trainers;
using MLPipelines.Neural.Augmentation;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Schedules;
using MLPipelines.Neural.Training;

namespace MLPipelines.Trainers.Training;

/// <summary>
/// The training set-up the MLP and the CNN share: optimizer, learning-rate schedule, the engine's training options,
/// the cross-option rules and what a fit writes into the run's training log. One place, so an option means the same
/// for both (e.g. <c>one_cycle</c> warms up over <c>warmup_fraction</c> of the steps in both).
/// </summary>
internal static class NetworkTrainingSetup
{
    /// <summary>The optimizer: SGD (Nesterov when momentum &gt; 0), Adam, or AdamW, with the weight decay.</summary>
    public static Optimizer Optimizer(INetworkTrainingOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var decay = (float)o.WeightDecay;
        return o.Optimizer switch
        {
            OptimizerKind.Sgd => new Sgd((float)o.Momentum, nesterov: o.Momentum > 0, weightDecay: decay),
            OptimizerKind.Adam => new Adam(weightDecay: decay),
            _ => new AdamW(weightDecay: decay),
        };
    }

    /// <summary>The schedule over all steps; cosine and one-cycle warm up over <see cref="INetworkTrainingOptions.WarmupFraction"/>.</summary>
    public static LearningRateSchedule Schedule(INetworkTrainingOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var lr = (float)o.LearningRate;
        return o.Schedule switch
        {
            ScheduleKind.Constant => new ConstantSchedule(lr),
            ScheduleKind.OneCycle => new OneCycleSchedule(lr, pctStart: o.WarmupFraction),
            _ => new CosineSchedule(lr, o.WarmupFraction),
        };
    }

    /// <summary>The engine's options for one fit: epochs, batches, validation split, early stopping, best-epoch restore, clipping, threads.</summary>
    public static TrainingOptions Options(INetworkTrainingOptions o, int seed, ImageAugmentation? augmentation = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new TrainingOptions
        {
            Epochs = o.Epochs,
            BatchSize = o.BatchSize,
            Seed = seed,
            ValidationFraction = o.ValidationFraction,
            EarlyStopping = o.EarlyStopping && o.ValidationFraction > 0,
            Patience = o.Patience,
            RestoreBestEpoch = true,
            GradientClipNorm = (float)o.GradientClip,
            Threads = o.Threads ?? 0,
            Augmentation = augmentation,
        };
    }

    /// <summary>
    /// Rules that span the shared options: (option, message) pairs, empty when valid. <paramref name="suggestedValidationFraction"/>
    /// is the trainer's default, offered in the message.
    /// </summary>
    public static IEnumerable<(string Option, string Message)> Errors(INetworkTrainingOptions o, double suggestedValidationFraction)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.EarlyStopping && o.ValidationFraction == 0)
        {
            yield return ("early_stopping", string.Create(CultureInfo.InvariantCulture,
                $"needs a validation split: set validation_fraction > 0 (e.g. {suggestedValidationFraction}) or early_stopping: false"));
        }
    }

    /// <summary>Best epoch, epochs run, early stop and speed into the run's log, with a note when training stopped early.</summary>
    public static void Note(TrainingLog? log, TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (log is null)
        {
            return;
        }

        log.Values["best_epoch"] = history.BestEpoch;
        log.Values["epochs_run"] = history.Epochs.Count;
        log.Values["stopped_early"] = history.StoppedEarly ? 1 : 0;
        log.Values["samples_per_second"] = Math.Round(history.SamplesPerSecond);
        if (history.StoppedEarly)
        {
            log.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"early stopping after epoch {history.Epochs.Count}; kept epoch {history.BestEpoch} (lowest validation loss)"));
        }
    }
}
