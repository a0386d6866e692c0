using MLPipelines.Core.Trainers.Builtin;

namespace MLPipelines.Core.Trainers;

/// <summary>The ML.NET trainers that ship with Core: <c>fastforest</c>, <c>fasttree</c>, <c>lbfgs</c>, <c>lightgbm</c>, <c>sdca</c>.</summary>
public static class BuiltinTrainers
{
    /// <summary>A fresh registry holding every built-in trainer; callers add their own (e.g. <c>mlp</c>) to it.</summary>
    public static TrainerRegistry CreateRegistry() => new TrainerRegistry()
        .Register(new LightGbmTrainerPlugin())
        .Register(new FastTreeTrainerPlugin())
        .Register(new FastForestTrainerPlugin())
        .Register(new SdcaTrainerPlugin())
        .Register(new LbfgsTrainerPlugin());
}
