using Microsoft.ML;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Tests;

/// <summary>
/// A small real trainer plugin (ML.NET SDCA underneath) whose options cover what the built-ins do not: an enum,
/// an int list, a binary-only option, and a cross-option rule in <see cref="Validate"/>. Classification only.
/// </summary>
internal sealed class ToyTrainerPlugin : ITrainerPlugin
{
    public string Name => "toy";

    public string Description => "Test trainer: SDCA with extra options.";

    public string Family => "linear";

    public IReadOnlyList<TaskKind> Tasks { get; } = [TaskKind.Binary, TaskKind.Multiclass];

    public IReadOnlyList<OptionDescriptor> Options { get; } =
    [
        new("booster", OptionKind.Enum, "gbdt", "Booster kind.") { Allowed = ["gbdt", "dart", "goss"] },
        new("subsample", OptionKind.Float, 1.0, "Row fraction.") { Min = 0, MinExclusive = true, Max = 1 },
        new("hidden_layers", OptionKind.IntList, new[] { 256, 256 }, "Layer widths.") { Min = 1 },
        new("unbalanced", OptionKind.Bool, false, "Reweight the rare class.") { Tasks = [TaskKind.Binary] },
        new("epochs", OptionKind.Int, 10, "Passes over the data.") { Min = 1, Max = 1000 },
        new("threads", OptionKind.Int, null, "Threads; null = all cores.") { Min = 1, Nullable = true },
    ];

    public IEnumerable<(string Option, string Message)> Validate(IReadOnlyDictionary<string, object?> options, TaskKind? task)
    {
        if (options.GetString("booster") == "goss" && options.GetDouble("subsample") < 1)
        {
            yield return ("subsample", "goss samples rows by gradient itself; set subsample: 1 or use another booster");
        }

        if (task == TaskKind.Multiclass && options.GetInt64List("hidden_layers").Count > 3)
        {
            yield return ("", "multiclass toy models take at most 3 hidden layers");
        }
    }

    public IEstimator<ITransformer> CreateEstimator(TrainerContext context, IReadOnlyDictionary<string, object?> options) =>
        context.Task == TaskKind.Binary
            ? context.MLContext.BinaryClassification.Trainers.SdcaLogisticRegression(context.LabelColumn, context.FeatureColumn,
                maximumNumberOfIterations: options.GetInt32("epochs"))
            : context.MLContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(context.LabelColumn, context.FeatureColumn,
                maximumNumberOfIterations: options.GetInt32("epochs"));
}
