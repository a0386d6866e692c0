namespace MLPipelines.Spec;

/// <summary>
/// Binds the read <c>evaluation:</c> section (method-specific keys are checked by <see cref="MapReader"/>) and the
/// rules that tie it to the data: <c>test_set</c> needs <c>data.test</c>, <c>data.test</c> needs <c>test_set</c>,
/// and with <c>data.test</c> the method defaults to <c>test_set</c>.
/// </summary>
internal static class EvaluationSectionReader
{
    public static EvaluationSpec Bind(KeyedValues evaluation, KeyedValues dataValues, DataSpec data, SpecReadContext context)
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

        var methodPath = evaluation.PathOf("method");
        var hasTest = data.Test is not null;
        if (!evaluation.IsWritten("method") && hasTest)
        {
            spec = spec with { Method = EvaluationMethod.TestSet };
            foreach (var key in SpecFormat.Evaluation.Children.Where(k => k.OnlyWhenKey == "method" && evaluation.IsWritten(k.Name)))
            {
                if (key.OnlyWhenValues.Contains("kfold") && !key.OnlyWhenValues.Contains("test_set"))
                {
                    MapReader.ReportCondition(key, evaluation.PathOf(key.Name), "test_set", " by default, because data.test is given", context);
                }
            }
        }
        else if (spec.Method == EvaluationMethod.TestSet && !hasTest && evaluation.IsValid("method") && dataValues.IsValid("test"))
        {
            var message = data.Kind == DataKind.Images
                ? "test_set needs a separate test set: add data.test (written like data.train), or use kfold or holdout"
                : "test_set needs a separate test set (data.test), which only image data has for now; use kfold or holdout";
            context.Error(context.LocationOf(methodPath), methodPath, message);
        }
        else if (spec.Method != EvaluationMethod.TestSet && hasTest)
        {
            var testPath = dataValues.PathOf("test");
            context.Error(context.LocationOf(testPath), testPath,
                $"applies only to evaluation.method: test_set (method is {YamlNames.Of(spec.Method)}); kfold and holdout split data.train, so remove data.test or set evaluation.method: test_set");
        }

        return spec;
    }
}
