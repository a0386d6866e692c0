using Microsoft.ML;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Tests;

/// <summary>
/// A small real trainer plugin (ML.NET SDCA underneath) whose options cover what the built-ins do not: an enum,
/// an int list, a binary-only option, and a cross-option rule in <see cref="Validate"/>. Classification only.
/// </summary>
internal sealed class ToyTrainerPlugin : TrainerPlugin<ToyTrainerPlugin.ToyOptions>
{
    public override string Name => "toy";

    public override string Description => "Test trainer: SDCA with extra options.";

    public override string Family => "linear";

    public override IReadOnlyList<TaskKind> Tasks { get; } = [TaskKind.Binary, TaskKind.Multiclass];

    protected override IEnumerable<(string Option, string Message)> Validate(ToyOptions options, TaskKind? task)
    {
        if (options.Booster == "goss" && options.Subsample < 1)
        {
            yield return ("subsample", "goss samples rows by gradient itself; set subsample: 1 or use another booster");
        }

        if (task == TaskKind.Multiclass && options.HiddenLayers.Count > 3)
        {
            yield return ("", "multiclass toy models take at most 3 hidden layers");
        }
    }

    public override IEstimator<ITransformer> CreateEstimator(TrainerContext context, ToyOptions options) =>
        context.Task == TaskKind.Binary
            ? context.MLContext.BinaryClassification.Trainers.SdcaLogisticRegression(context.LabelColumn, context.FeatureColumn,
                maximumNumberOfIterations: options.Epochs)
            : context.MLContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(context.LabelColumn, context.FeatureColumn,
                maximumNumberOfIterations: options.Epochs);

    /// <summary>The toy's options.</summary>
    public sealed class ToyOptions
    {
        [Option("booster", "Booster kind.", Choices = ["gbdt", "dart", "goss"])]
        public string Booster { get; set; } = "gbdt";

        [Option("subsample", "Row fraction.", Min = 0, MinExclusive = true, Max = 1)]
        public double Subsample { get; set; } = 1.0;

        [Option("hidden_layers", "Layer widths.", Min = 1)]
        public IReadOnlyList<int> HiddenLayers { get; set; } = [256, 256];

        [Option("unbalanced", "Reweight the rare class.", Tasks = [TaskKind.Binary])]
        public bool Unbalanced { get; set; }

        [Option("epochs", "Passes over the data.", Min = 1, Max = 1000)]
        public int Epochs { get; set; } = 10;

        [Option("threads", "Threads; null = all cores.", Min = 1)]
        public int? Threads { get; set; }
    }
}
