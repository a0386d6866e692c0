using MLPipelines.Core.Trainers;
using MLPipelines.Trainers.Cnn.Plugin;
using MLPipelines.Trainers.Mlp.Plugin;
using MLPipelines.XGBoost.Plugin;

namespace MLPipelines.Cli.Infrastructure;

/// <summary>The trainer registry every verb uses: the built-in ML.NET trainers plus our own (registered here): mlp, cnn, xgboost.</summary>
internal static class Trainers
{
    public static TrainerRegistry CreateRegistry()
    {
        var registry = BuiltinTrainers.CreateRegistry()
            .Register(new MlpTrainerPlugin())
            .Register(new CnnTrainerPlugin())
            .Register(new XGBoostTrainerPlugin());
        return registry;
    }
}
