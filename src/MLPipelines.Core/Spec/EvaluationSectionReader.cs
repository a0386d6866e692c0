namespace MLPipelines.Core.Spec;

/// <summary>Binds the read <c>evaluation:</c> section (method-specific keys are checked by <see cref="MapReader"/>).</summary>
internal static class EvaluationSectionReader
{
    public static EvaluationSpec Bind(KeyedValues evaluation)
    {
        var spec = new EvaluationSpec
        {
            Method = YamlNames.Method(evaluation.Get<string>("method")),
            Folds = checked((int)evaluation.Get<long>("folds")),
            Repeats = checked((int)evaluation.Get<long>("repeats")),
            Stratify = evaluation.Values["stratify"] as bool?,
            TestFraction = evaluation.Get<double>("test_fraction"),
            Seed = checked((int)evaluation.Get<long>("seed")),
            PrimaryMetric = evaluation.GetOrNull<string>("primary_metric"),
        };

        return spec;
    }
}
