using MLPipelines.Spec;

namespace MLPipelines.Core.Tests;

/// <summary>Pipeline specs built in code, as the spec loader would resolve them.</summary>
internal static class TestSpecs
{
    public static PipelineSpec Create(string dataPath, string label, params (string Name, string Trainer)[] models)
    {
        var spec = new PipelineSpec
        {
            Name = "test",
            Data = new DataSpec { Path = dataPath, Label = label },
            Evaluation = new EvaluationSpec { Folds = 3, Seed = 7 },
        };
        foreach (var (name, trainer) in models)
        {
            spec.Models.Add(new ModelSpec { Name = name, Trainer = trainer });
        }

        return spec;
    }

    public static PreprocessingStepSpec Step(string kind, params (string Key, object Value)[] options)
    {
        var step = new PreprocessingStepSpec { Kind = kind };
        foreach (var (key, value) in options)
        {
            step.Options[key] = value;
        }

        return step;
    }
}
