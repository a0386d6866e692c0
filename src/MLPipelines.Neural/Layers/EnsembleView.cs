using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Starts an ensemble of k members inside one network: flat samples <c>[d]</c> become <c>[k, d]</c>, k copies of
/// the same row, one per member (TabM's <c>EnsembleView</c>). The layers after it see the member as the leading
/// axis of each sample, so <c>[N, k, d]</c> is an ordinary <c>[N k, d]</c> matrix to a GEMM.
/// </summary>
/// <remarks>Backward: each input value fed every member, so <c>dx[n, :] = sum over i of dy[n, i, :]</c>.</remarks>
public sealed class EnsembleView : Layer, IOnnxExportable
{
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the view for <paramref name="members"/> ensemble members.</summary>
    public EnsembleView(int members)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        Members = members;
    }

    /// <summary>Number of ensemble members k.</summary>
    public int Members { get; }

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        if (inputShape.Rank != 1)
        {
            throw new ArgumentException($"EnsembleView expects flat samples [features], got {inputShape}.", nameof(inputShape));
        }

        return new TensorShape(Members, inputShape[0]);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        var d = InputShape[0];
        var y = Tensor.Ensure(ref _output, input.Batch, OutputShape);
        for (var n = 0; n < input.Batch; n++)
        {
            var row = input.Row(n);
            var target = y.Row(n);
            for (var i = 0; i < Members; i++)
            {
                row.CopyTo(target.Slice(i * d, d));
            }
        }

        return y;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (!NeedsInputGradient)
        {
            return null;
        }

        var d = InputShape[0];
        var dx = Tensor.Ensure(ref _inputGradient, outputGradient.Batch, InputShape);
        for (var n = 0; n < outputGradient.Batch; n++)
        {
            Kernels.MatrixReductions.SumColumns(outputGradient.Row(n), Members, d, d, dx.Row(n));
        }

        return dx;
    }

    /// <summary>Exported as <c>Reshape</c> to <c>[N, 1, d]</c> then <c>Expand</c> to <c>[N, k, d]</c>.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var d = InputShape[0];
        var column = graph.AddNode("Reshape", [input, graph.AddInitializer("ensemble_view_shape", [3], [0L, 1L, d])]);
        return graph.AddNode("Expand", [column, graph.AddInitializer("ensemble_view_members", [3], [1L, Members, 1L])]);
    }
}
