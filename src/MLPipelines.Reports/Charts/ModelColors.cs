using ScottPlot;

namespace MLPipelines.Reports.Charts;

/// <summary>One color per model, by its position in the run, so a model has the same color in every chart.</summary>
public static class ModelColors
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>The color of the model at <paramref name="index"/> (spec order).</summary>
    public static Color For(int index) => Palette.GetColor(index);

    /// <summary>The same color as CSS hex (#rrggbb), for HTML legends and table swatches.</summary>
    public static string Css(int index) => For(index).ToHex();
}
