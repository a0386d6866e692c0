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
/// blocks of rows walked tree by tree and split over threads, so the probabilities are bit-identical to ML.NET's. What this walk does not
/// cover is left to ML.NET's own path (null): rows with a missing value (NaN: ML.NET sends them down per-node
/// defaults it does not expose) and categorical splits (our LightGBM never asks for them).
/// </summary>
internal sealed class SoftmaxTreePredictor
{
    /// <summary>Rows per block: a block's features stay in the L1 cache while every tree walks them.</summary>
    private const int Block = 128;

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
        Parallel.For(0, (rows + Block - 1) / Block, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, block =>
        {
            var first = block * Block;
            var count = Math.Min(rows, first + Block) - first;
            PredictBlock(values.AsSpan(first * width, count * width), width, output.AsSpan(first * classes, count * classes));
        });
        return new PredictionSet(output, classes);
    }

    /// <summary>
    /// One block of rows, tree by tree (each tree's nodes are read once per block, not once per row; the sum per row
    /// and class still adds the trees in ML.NET's order).
    /// </summary>
    private void PredictBlock(ReadOnlySpan<float> x, int width, Span<float> probabilities)
    {
        var rows = x.Length / width;
        var classes = _classes.Length;
        Span<double> sums = stackalloc double[rows];
        Span<double> exp = rows * classes <= 4096 ? stackalloc double[rows * classes] : new double[rows * classes];
        for (var c = 0; c < classes; c++)
        {
            sums.Clear();
            foreach (var tree in _classes[c])
            {
                for (var row = 0; row < rows; row++)
                {
                    sums[row] += tree.Output(x.Slice(row * width, width));
                }
            }

            for (var row = 0; row < rows; row++)
            {
                exp[row * classes + c] = Math.Exp((float)sums[row]);
            }
        }

        for (var row = 0; row < rows; row++)
        {
            Softmax(exp.Slice(row * classes, classes), probabilities.Slice(row * classes, classes));
        }
    }

    /// <summary>
    /// ML.NET 5's class probabilities from exp(score) per class, score_c = (float)(sum of the class's tree outputs in
    /// order): OneVersusAllModelParameters' softmax sums the exps in double in class order, divides, casts to float.
    /// </summary>
    private static void Softmax(ReadOnlySpan<double> exp, Span<float> probabilities)
    {
        var total = 0.0;
        foreach (var value in exp)
        {
            total += value;
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
