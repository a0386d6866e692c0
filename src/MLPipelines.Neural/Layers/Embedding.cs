using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Learned embeddings for categorical columns of a flat input, concatenated with the numeric columns:
/// the output row is <c>[numeric columns in input order, E_1[code_1], E_2[code_2], ...]</c>, where E_c is a
/// [cardinality, dimension] table. This is the multi-input front end for tables (numeric + categorical in one
/// float row), so the network stays a single-input chain and exports to ONNX as Gather + Concat.
/// </summary>
/// <remarks>
/// Codes are <c>clamp((int)x, 0, cardinality - 1)</c>, NaN as 0. Tables start at N(0, 1/dimension).
/// Backward scatters dy into the rows of each table that the batch used; categorical inputs get a zero gradient.
/// </remarks>
public sealed class Embedding : Layer, IOnnxExportable
{
    private readonly CategoricalColumn[] _columns;
    private Parameter[] _tables = [];
    private int[] _numericIndices = [];
    private int[] _codes = [];
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the layer for the given categorical columns (all other input columns pass through).</summary>
    public Embedding(IEnumerable<CategoricalColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns.OrderBy(c => c.Index)];
        if (_columns.Length == 0)
        {
            throw new ArgumentException("Embedding needs at least one categorical column.", nameof(columns));
        }

        foreach (var c in _columns)
        {
            if (c.Index < 0 || c.Cardinality < 1 || c.Dimension < 1)
            {
                throw new ArgumentException($"Invalid categorical column {c}: index >= 0, cardinality >= 1 and dimension >= 1 required.", nameof(columns));
            }
        }

        for (var i = 1; i < _columns.Length; i++)
        {
            if (_columns[i].Index == _columns[i - 1].Index)
            {
                throw new ArgumentException($"Column {_columns[i].Index} is listed twice.", nameof(columns));
            }
        }
    }

    /// <summary>The categorical columns, by increasing index.</summary>
    public IReadOnlyList<CategoricalColumn> Columns => _columns;

    /// <summary>Input indices of the numeric (pass-through) columns, in output order.</summary>
    public IReadOnlyList<int> NumericIndices => _numericIndices;

    /// <summary>Embedding tables, one per categorical column, each [cardinality, dimension].</summary>
    public IReadOnlyList<Parameter> Tables => _tables;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _tables;

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        if (inputShape.Rank != 1)
        {
            throw new ArgumentException($"Embedding expects flat samples [features], got {inputShape}.", nameof(inputShape));
        }

        var width = inputShape[0];
        if (_columns[^1].Index >= width)
        {
            throw new ArgumentException($"Categorical column {_columns[^1].Index} is outside the {width} input features.", nameof(inputShape));
        }

        var categorical = new HashSet<int>(_columns.Select(c => c.Index));
        _numericIndices = [.. Enumerable.Range(0, width).Where(i => !categorical.Contains(i))];
        _tables = new Parameter[_columns.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            var col = _columns[c];
            _tables[c] = new Parameter($"table{col.Index}", new TensorShape(col.Cardinality, col.Dimension), ParameterRole.Embedding);
            WeightInitializer.FillNormal(_tables[c].Value, 1.0 / Math.Sqrt(col.Dimension), random);
        }

        return TensorShape.Vector(_numericIndices.Length + _columns.Sum(c => c.Dimension));
    }

    /// <summary>The table row used for value <paramref name="x"/> of a column with <paramref name="cardinality"/> categories.</summary>
    public static int Code(float x, int cardinality) =>
        float.IsNaN(x) || x < 0f ? 0 : (x >= cardinality ? cardinality - 1 : (int)x);

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        var n = input.Batch;
        var inW = InputShape[0];
        var outW = OutputShape[0];
        if (_codes.Length < n * _columns.Length)
        {
            _codes = new int[input.Data.Length / inW * _columns.Length];
        }

        var x = input.Span;
        var y = Tensor.Ensure(ref _output, n, OutputShape).Span;
        for (var i = 0; i < n; i++)
        {
            var xr = x.Slice(i * inW, inW);
            var yr = y.Slice(i * outW, outW);
            var o = 0;
            foreach (var idx in _numericIndices)
            {
                yr[o++] = xr[idx];
            }

            for (var c = 0; c < _columns.Length; c++)
            {
                var col = _columns[c];
                var code = Code(xr[col.Index], col.Cardinality);
                _codes[(i * _columns.Length) + c] = code;
                _tables[c].Value.AsSpan(code * col.Dimension, col.Dimension).CopyTo(yr.Slice(o, col.Dimension));
                o += col.Dimension;
            }
        }

        return _output!;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        var n = outputGradient.Batch;
        var inW = InputShape[0];
        var outW = OutputShape[0];
        var dy = outputGradient.Span;
        foreach (var t in _tables)
        {
            Array.Clear(t.Gradient);
        }

        var numeric = _numericIndices.Length;
        for (var i = 0; i < n; i++)
        {
            var o = numeric;
            for (var c = 0; c < _columns.Length; c++)
            {
                var d = _columns[c].Dimension;
                var g = _tables[c].Gradient.AsSpan(_codes[(i * _columns.Length) + c] * d, d);
                System.Numerics.Tensors.TensorPrimitives.Add(g, dy.Slice((i * outW) + o, d), g);
                o += d;
            }
        }

        if (!NeedsInputGradient)
        {
            return null;
        }

        var dx = Tensor.Ensure(ref _inputGradient, n, InputShape).Span;
        dx.Clear();
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < numeric; k++)
            {
                dx[(i * inW) + _numericIndices[k]] = dy[(i * outW) + k];
            }
        }

        return _inputGradient;
    }

    /// <summary>
    /// Exported as Gather of the numeric columns, and per categorical column: Gather the column, NaN to 0
    /// (IsNaN + Where), Clip to [0, cardinality - 1], Floor, Cast to int64, Gather from the table, Flatten;
    /// then Concat.
    /// </summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var parts = new List<string>();
        if (_numericIndices.Length > 0)
        {
            var idx = graph.AddInitializer("emb_numeric_idx", [_numericIndices.Length], [.. _numericIndices.Select(i => (long)i)]);
            parts.Add(graph.AddNode("Gather", [input, idx], OnnxAttribute.Int("axis", 1)));
        }

        for (var c = 0; c < _columns.Length; c++)
        {
            var col = _columns[c];
            var idx = graph.AddInitializer("emb_col_idx", [1], [col.Index]);
            var column = graph.AddNode("Gather", [input, idx], OnnxAttribute.Int("axis", 1));
            var zero = graph.AddScalar("emb_zero", 0f);
            var noNaN = graph.AddNode("Where", [graph.AddNode("IsNaN", [column]), zero, column]);
            var clipped = graph.AddNode("Clip", [noNaN, zero, graph.AddScalar("emb_max", col.Cardinality - 1)]);
            var code = graph.AddNode("Cast", [graph.AddNode("Floor", [clipped])], OnnxAttribute.Int("to", 7));
            var table = graph.AddInitializer("emb_table", [col.Cardinality, col.Dimension], _tables[c].Value);
            var rows = graph.AddNode("Gather", [table, code], OnnxAttribute.Int("axis", 0));
            parts.Add(graph.AddNode("Flatten", [rows], OnnxAttribute.Int("axis", 1)));
        }

        return graph.AddNode("Concat", parts, OnnxAttribute.Int("axis", 1));
    }
}
