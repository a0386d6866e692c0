using System.Text.Json.Nodes;
using Microsoft.ML;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec.Tests.Declarations;

/// <summary>
/// An option is declared once, as a property with <see cref="OptionAttribute"/> on the trainer's options class; the
/// spec loader's validation, the JSON Schema, FORMAT.md and the binding of YAML values all come from that property.
/// The probe trainer below has exactly one option, <c>probe_depth</c>, declared in one place (its property, with its
/// default search range and resource flag) and nowhere else.
/// </summary>
public sealed class OneDeclarationTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    [Fact]
    public void Option_DeclaredOnce_IsValidatedFromItsDeclaration()
    {
        var catalog = Catalog();

        var error = Assert.Throws<SpecException>(() => Load(catalog, "{probe_depth: 0}")).Errors.Single().ToString();
        var typeError = Assert.Throws<SpecException>(() => Load(catalog, "{probe_depth: deep}")).Errors.Single().ToString();

        Assert.Equal("x.yaml:6:58: models[0].options.probe_depth: must be >= 1 and <= 12, got 0", error);
        Assert.Contains("models[0].options.probe_depth: expected an integer, got 'deep'", typeError, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_DeclaredOnce_AppearsInTheJsonSchema()
    {
        var schema = JsonNode.Parse(JsonSchemaWriter.ToJson(Catalog()))!.ToJsonString();

        Assert.Contains("\"probe_depth\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":12,\"description\":\"How deep the probe goes.\",\"default\":3}", schema, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_DeclaredOnce_AppearsInFormatMd()
    {
        var markdown = FormatReferenceWriter.ToMarkdown(Catalog());

        Assert.Contains("| `probe_depth` | integer, >= 1 and <= 12 | `3` | How deep the probe goes. |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_DeclaredOnce_IsBoundOntoTheOptionsClass()
    {
        var plugin = new ProbeTrainerPlugin();
        var written = Load(Catalog(plugin), "{probe_depth: 7}").Models[0].Options;
        var defaulted = Load(Catalog(plugin), "{}").Models[0].Options;

        Assert.Equal(7, plugin.Bind(written).Depth);
        Assert.Equal(3, plugin.Bind(defaulted).Depth);
        var context = new TrainerContext { MLContext = new MLContext(1), Task = TaskKind.Binary };
        Assert.NotNull(((ITrainerPlugin)plugin).CreateEstimator(context, written));
        Assert.Equal(7, plugin.LastDepth);
    }

    [Fact]
    public void Option_DeclaredOnce_IsTheTrainersDefaultSearchSpace()
    {
        ITrainerDeclaration plugin = new ProbeTrainerPlugin();

        var dimension = Assert.Single(plugin.DefaultSearchSpace!.Dimensions);
        var markdown = FormatReferenceWriter.ToMarkdown(Catalog());
        var tuned = Load(Catalog(), "{}, tune: true").Models[0].Tune;

        Assert.Equal(("probe_depth", "{int_uniform: [2, 8]}", "Probe range."), (dimension.Name, dimension.Distribution.ToString(), dimension.Source));
        Assert.Equal("probe_depth", plugin.ResourceOption);
        Assert.Contains("| `probe_depth` | `{int_uniform: [2, 8]}` | Probe range. |", markdown, StringComparison.Ordinal);
        Assert.NotNull(tuned);
    }

    public void Dispose() => _folder.Dispose();

    private PipelineSpec Load(ITrainerCatalog catalog, string options) =>
        new SpecLoader(catalog).Parse(SpecFolder.Lines(
            "name: probe",
            "data:",
            "  path: data.csv",
            "  label: y",
            "models:",
            $"  - {{name: probe, trainer: probe, options: {options}}}"), Path.Combine(_folder.Root, "x.yaml"), "x.yaml");

    private static TrainerRegistry Catalog(ProbeTrainerPlugin? probe = null) => new TrainerRegistry().Register(probe ?? new ProbeTrainerPlugin());

    /// <summary>The probe trainer's options: one property, one declaration.</summary>
    public sealed class ProbeOptions
    {
        [Search(SearchKind.IntUniform, 2, 8, Source = "Probe range.")]
        [Option("probe_depth", "How deep the probe goes.", Min = 1, Max = 12, Resource = true)]
        public int Depth { get; set; } = 3;
    }

    /// <summary>A real trainer (ML.NET's SDCA underneath) whose only option is <see cref="ProbeOptions.Depth"/>.</summary>
    private sealed class ProbeTrainerPlugin : TrainerPlugin<ProbeOptions>
    {
        public int? LastDepth { get; private set; }

        public override string Name => "probe";

        public override string Description => "Test trainer with one declared option.";

        public override string Family => "linear";

        public override IEstimator<ITransformer> CreateEstimator(TrainerContext context, ProbeOptions options)
        {
            LastDepth = options.Depth;
            return context.MLContext.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: options.Depth);
        }
    }
}
