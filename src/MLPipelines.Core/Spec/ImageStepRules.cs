namespace MLPipelines.Core.Spec;

/// <summary>
/// Preprocessing of image data: pixels are never missing and never categorical, so only the steps that act on the
/// whole pixel vector apply (<c>normalize</c>, <c>pca</c>); <c>impute</c> and <c>one_hot</c> are errors. The default
/// for images is no preprocessing (the trainers see pixels in [0, 1]).
/// </summary>
internal static class ImageStepRules
{
    /// <summary>Steps that image data allows.</summary>
    public static IReadOnlyList<string> Allowed { get; } = [PreprocessingCatalog.Normalize, PreprocessingCatalog.Pca];

    public static void Check(PipelineSpec spec, SpecReadContext context)
    {
        CheckList(spec.Preprocessing, "preprocessing", context);
        for (var i = 0; i < spec.Models.Count; i++)
        {
            if (spec.Models[i].Preprocessing is { } steps)
            {
                CheckList(steps, SpecReadContext.Child(SpecReadContext.Item("models", i), "preprocessing"), context);
            }
        }
    }

    private static void CheckList(List<PreprocessingStepSpec> steps, string path, SpecReadContext context)
    {
        if (steps.All(step => Allowed.Contains(step.Kind)))
        {
            return;
        }

        // The steps reader remembered where each item and its kind were written, so positions survive items it left out.
        for (var i = 0; context.Locations.ContainsKey(SpecReadContext.Item(path, i)); i++)
        {
            var itemPath = SpecReadContext.Item(path, i);
            foreach (var kind in PreprocessingCatalog.Kinds.Where(k => !Allowed.Contains(k)))
            {
                if (context.Locations.TryGetValue(SpecReadContext.Child(itemPath, kind), out var location))
                {
                    var why = kind == PreprocessingCatalog.Impute ? "pixels are never missing" : "pixels are numbers, not categories";
                    context.Error(location, itemPath,
                        $"step '{kind}' does not apply to image data ({why}); images allow {string.Join(" and ", Allowed)}");
                }
            }
        }
    }
}
