using MLPipelines.Core.Trainers;

namespace MLPipelines.Cli.Infrastructure;

/// <summary>The trainer registry every verb uses: the built-in ML.NET trainers plus mlp, cnn, xgboost (registered in <see cref="Components"/>).</summary>
internal static class Trainers
{
    public static TrainerRegistry CreateRegistry() => Components.CreateTrainerRegistry();
}
