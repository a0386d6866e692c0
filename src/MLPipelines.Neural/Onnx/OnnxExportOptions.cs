namespace MLPipelines.Neural.Onnx;

/// <summary>Options of <see cref="OnnxExporter"/>.</summary>
public sealed class OnnxExportOptions
{
    /// <summary>Name of the float input [N, features...]. Default <c>features</c>.</summary>
    public string InputName { get; set; } = "features";

    /// <summary>
    /// Declare the input flat, <c>[N, C H W]</c>, and reshape it to the network's sample shape (e.g. <c>[N, C, H, W]</c>)
    /// inside the graph, for hosts that feed one feature vector per row (an ML.NET vector column). The
    /// <see cref="InputTransform"/>, if any, sees the flat input. Default false.
    /// </summary>
    public bool FlatInput { get; set; }

    /// <summary>Shortcut for one output: its kind (used when <see cref="Outputs"/> is empty). Default raw.</summary>
    public OnnxOutputKind Output { get; set; } = OnnxOutputKind.Raw;

    /// <summary>Shortcut for one output: its name (used when <see cref="Outputs"/> is empty). Default <c>output</c>.</summary>
    public string OutputName { get; set; } = "output";

    /// <summary>Several outputs from the same raw output, e.g. <c>Score</c> (raw) and <c>Probability</c> (sigmoid).</summary>
    public IList<OnnxOutput> Outputs { get; } = [];

    /// <summary>
    /// Optional affine map on the raw output before the heads, <c>y = raw * scale + shift</c> (length 1 or k),
    /// e.g. to undo target standardization for regression.
    /// </summary>
    public float[]? OutputScale { get; set; }

    /// <summary>Shift of the output affine map (see <see cref="OutputScale"/>).</summary>
    public float[]? OutputShift { get; set; }

    /// <summary>
    /// Optional preprocessing added between the graph input and the first layer: receives the builder and
    /// the input tensor name, returns the name of the tensor the network should read (e.g. scaling nodes).
    /// </summary>
    public Func<OnnxGraphBuilder, string, string>? InputTransform { get; set; }

    /// <summary>
    /// The network is an ensemble whose output is <c>[k, width]</c> per row (e.g. TabM's <see cref="Layers.EnsembleDense"/>
    /// head): every output is computed per member and averaged over the members (ONNX <c>[N, k, width]</c> reduced over
    /// axis 1 to <c>[N, width]</c>): values for <see cref="OnnxOutputKind.Raw"/>, probabilities for softmax and
    /// sigmoid outputs. The output affine map applies per member before averaging. Default false.
    /// </summary>
    public bool AverageMembers { get; set; }

    /// <summary>Producer name written into the model. Default <c>MLPipelines</c>.</summary>
    public string ProducerName { get; set; } = "MLPipelines";
}
