using System.Diagnostics;
using Microsoft.ML;
using MLPipelines.Core.Evaluation;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Core.Runs;
using MLPipelines.Data;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tuning;

/// <summary>Fits a model's preprocessing on one inner split's training rows and applies it once (see <see cref="PreparedSplit"/>).</summary>
internal sealed class FeaturePreparer(IEvaluationData data, IReadOnlyList<PreprocessingStepSpec> steps, string family, string stepsKey)
{
    public PreparedSplit Prepare(FoldSplit inner, int[] outerTest, int seed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var clock = Stopwatch.StartNew();
        var ml = ScratchFiles.Context(seed);
        var chain = data.BuildFeatures(ml, steps, family, stepsKey);
        var keep = ml.Transforms.SelectColumns(TabularDataset.LabelColumn, FeaturePipelineBuilder.FeatureColumn);
        var fitted = chain.Estimator.Append(keep).Fit(data.Select(inner.Train));
        IDataView Apply(int[] rows)
        {
            var view = fitted.Transform(data.Select(rows));
            // Cached even for a trainer that reads its rows once (ITrainerPlugin.ReadsTrainingRowsOnce): every trial of
            // the search reads these same prepared rows.
            if (!chain.Cache)
            {
                return view;
            }

            var cached = ml.Data.Cache(view);
            Fill(cached);
            return cached;
        }

        var train = Apply(inner.Train);
        var validation = Apply(inner.Test);
        var test = Apply(outerTest);
        return new PreparedSplit
        {
            Inner = inner,
            Train = train,
            Validation = validation,
            OuterTest = test,
            Normalized = chain.Normalized,
            Image = chain.Image,
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>Reads every row once so the cache is complete before trials share it from several threads.</summary>
    private static void Fill(IDataView view)
    {
        using var cursor = view.GetRowCursor(view.Schema);
        while (cursor.MoveNext())
        {
        }
    }
}
