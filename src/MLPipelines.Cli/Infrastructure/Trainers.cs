using MLPipelines.Core.Trainers;

namespace MLPipelines.Cli.Infrastructure;

/// <summary>The trainer registry every verb uses: the built-in ML.NET trainers plus our own (registered here).</summary>
internal static class Trainers
{
    public static TrainerRegistry CreateRegistry()
    {
        var registry = BuiltinTrainers.CreateRegistry();

        // The neural trainers (mlp, cnn) from MLPipelines.Trainers register here when they exist.
        return registry;
    }
}
