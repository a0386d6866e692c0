using System.Collections.Immutable;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using MLPipelines.Tuning.Ensembles;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// Class probabilities of a multiclass LightGBM model (ML.NET's one-versus-all of per-class tree ensembles with a
/// softmax), computed the way ML.NET computes them but without its per-row cost: ML.NET's softmax mapper starts a
/// <c>Parallel.For</c> over the classes for every row, and on letter (26 classes) predicting a trial's validation and
/// outer test rows took longer than fitting it (docs/benchmarks.md, Tuning). Here each row walks the same trees in
/// the same order (tree outputs summed in double, the class score cast to float, then ML.NET's softmax in double),
/// blocks of rows split over threads, so the probabilities are bit-identical to ML.NET's. What this walk does not
/// cover is left to ML.NET's own path (null): rows with a missing value (NaN: ML.NET sends them down per-node
/// defaults it does not expose) and categorical splits (our LightGBM never asks for them).
/// </summary>
internal sealed class SoftmaxTreePredictor
{
    private readonly Tree[][] _classes;

    private SoftmaxTreePredictor(Tree[][] classes) => _classes = classes;

    /// <summary>
    /// The predictor of <paramref name="model"/> when it is a softmax one-versus-all of tree ensembles (LightGBM's
    /// multiclass model), else null. ML.NET keeps the per-class models internal; they are read by reflection, and any
    /// change there makes this return null (ML.NET's own path is then used).
    /// </summary>
    public static SoftmaxTreePredictor? TryCreate(ITransformer model)
    {
        if (model is not MulticlassPredictionTransformer<OneVersusAllModelParameters> { Model: { } ova })
        {
            return null;
        }

        var type = typeof(OneVersusAllModelParameters);
        const BindingFlags flags = BindingFlags.NonPublic | BindingFlags.Instance;
        if (type.GetField("_impl", flags)?.GetValue(ova)?.GetType().Name != "ImplSoftmax"
            || type.GetProperty("SubModelParameters", flags)?.GetValue(ova) is not ImmutableArray<object> { IsDefaultOrEmpty: false } models)
        {
            return null;
        }

        var classes = new Tree[models.Length][];
        for (var c = 0; c < models.Length; c++)
        {
            var ensemble = models[c] switch
            {
                CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> calibrated => calibrated.SubModel.TrainedTreeEnsemble,
                LightGbmBinaryModelParameters plain => plain.TrainedTreeEnsemble,
                _ => null,
            };
            if (ensemble is null)
            {
                return null;
            }

            var trees = ensemble.Trees.Select(Tree.From).ToArray();
            if (trees.Any(t => t is null))
            {
                return null;
            }

            classes[c] = [.. trees.Select(t => t!)];
        }

        return new SoftmaxTreePredictor(classes);
    }

    /// <summary>
    /// Class probabilities (row-major, one block of <c>classes</c> values per row) for every row of the
    /// <c>Features</c> column of <paramref name="features"/>; null when a feature value is missing (NaN).
    /// </summary>
    public PredictionSet? TryPredict(IDataView features, string featureColumn, int threads)
    {
        ArgumentNullException.ThrowIfNull(features);
        var (values, width) = ReadDense(features, featureColumn);
        if (values is null)
        {
            return null;
        }

        var rows = width == 0 ? 0 : values.Length / width;
        var classes = _classes.Length;
        var output = new float[rows * classes];
        const int Block = 256;
        Parallel.For(0, (rows + Block - 1) / Block, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, block =>
        {
            var end = Math.Min(rows, (block + 1) * Block);
            for (var row = block * Block; row < end; row++)
            {
                Softmax(values.AsSpan(row * width, width), output.AsSpan(row * classes, classes));
            }
        });
        return new PredictionSet(output, classes);
    }

    private void Softmax(ReadOnlySpan<float> x, Span<float> probabilities)
    {
        // ML.NET 5: score_c = (float)(sum over the class's trees, in order, of the leaf value), then
        // OneVersusAllModelParameters' softmax: exp in double, summed in class order, each divided and cast to float.
        Span<double> exp = stackalloc double[probabilities.Length];
        var total = 0.0;
        for (var c = 0; c < _classes.Length; c++)
        {
            var sum = 0.0;
            foreach (var tree in _classes[c])
            {
                sum += tree.Output(x);
            }

            exp[c] = Math.Exp((float)sum);
            total += exp[c];
        }

        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] = (float)(exp[c] / total);
        }
    }

    /// <summary>Every row's features as one dense block (absent sparse values are 0, as in ML.NET), or null when one is NaN.</summary>
    private static (float[]? Values, int Width) ReadDense(IDataView view, string featureColumn)
    {
        var column = view.Schema[featureColumn];
        var width = (column.Type as VectorDataViewType)?.Size ?? 0;
        var rows = view.GetRowCount() ?? throw new InvalidOperationException("The prepared view has no row count.");
        var values = new float[rows * width];
        var buffer = default(VBuffer<float>);
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        for (var row = 0; cursor.MoveNext(); row++)
        {
            getter(ref buffer);
            var dense = values.AsSpan(row * width, width);
            buffer.CopyTo(dense);
            foreach (var value in dense)
            {
                if (float.IsNaN(value))
                {
                    return (null, width);
                }
            }
        }

        return (values, width);
    }

    /// <summary>One regression tree (numerical splits only) in flat arrays; walked as ML.NET's dense path walks it.</summary>
    private sealed class Tree
    {
        private int[] _left = [];
        private int[] _right = [];
        private int[] _feature = [];
        private float[] _threshold = [];
        private double[] _leaves = [];
        private double? _constant;

        /// <summary>The tree, or null when it has a categorical split (our LightGBM never asks for them).</summary>
        public static Tree? From(RegressionTree tree)
        {
            if (tree.CategoricalSplitFlags.Contains(true))
            {
                return null;
            }

            var result = new Tree
            {
                _left = [.. tree.LeftChild],
                _right = [.. tree.RightChild],
                _feature = [.. tree.NumericalSplitFeatureIndexes],
                _threshold = [.. tree.NumericalSplitThresholds],
                _leaves = [.. tree.LeafValues],
            };

            // InternalRegressionTree.GetOutput: a root whose left child is node 0 is an unset tree (output 0); a
            // single leaf is that leaf.
            result._constant = tree.NumberOfNodes > 0 && result._left[0] == 0 ? 0 : tree.NumberOfLeaves == 1 ? result._leaves[0] : null;
            return result;
        }

        public double Output(ReadOnlySpan<float> x)
        {
            if (_constant is { } constant)
            {
                return constant;
            }

            var node = 0;
            while (node >= 0)
            {
                node = x[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
            }

            return _leaves[~node];
        }
    }
}
