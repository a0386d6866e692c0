namespace MLPipelines.Spec;

/// <summary>Binds the keys of <c>tuning:</c> (or of a model's <c>tune:</c> mapping) read by <see cref="MapReader"/>.</summary>
internal static class TuningSectionReader
{
    /// <summary>The run's <c>tuning:</c> section.</summary>
    public static TuningSpec Bind(KeyedValues section) => Apply(new TuningSpec(), section, onlyWritten: false);

    /// <summary>
    /// <paramref name="baseline"/> with the keys of <paramref name="values"/> applied: all of them, or with
    /// <paramref name="onlyWritten"/> only those written (a model's <c>tune:</c> replaces whole keys of the run's section).
    /// </summary>
    public static TuningSpec Apply(TuningSpec baseline, KeyedValues values, bool onlyWritten)
    {
        bool Take(string key) => !onlyWritten || values.IsWritten(key);
        var result = baseline;
        if (Take("budget"))
        {
            var budget = values.Sections["budget"];
            result = result with
            {
                BudgetSeconds = budget.Values["seconds"] as double?,
                BudgetTrials = budget.Values["trials"] is long trials ? (int)trials : null,
            };
        }

        if (Take("inner"))
        {
            var inner = values.Sections["inner"];
            result = result with
            {
                InnerMethod = inner.Get<string>("method"),
                InnerFolds = (int)inner.Get<long>("folds"),
                InnerTestFraction = inner.Get<double>("test_fraction"),
            };
        }

        if (Take("strategy"))
        {
            result = result with { Strategy = values.Get<string>("strategy") };
        }

        if (Take("ensemble"))
        {
            result = result with { EnsembleSize = (int)values.Sections["ensemble"].Get<long>("size") };
        }

        if (Take("selection"))
        {
            result = result with { Selection = values.Get<string>("selection") };
        }

        if (Take("parallel"))
        {
            var parallel = values.Sections["parallel"];
            result = result with
            {
                ParallelTrials = parallel.Values["trials"] is long trials ? (int)trials : null,
                Threads = parallel.Values["threads"] is long threads ? (int)threads : null,
            };
        }

        return result;
    }
}
