using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec;

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

    /// <summary>
    /// Trainers that need images (<see cref="Declarations.ITrainerDeclaration.NeedsImages"/>, the CNN) are errors on tabular
    /// data, and with a <c>pca</c> step in their preprocessing (it replaces the pixels by components).
    /// </summary>
    public static void CheckImageTrainers(PipelineSpec spec, ITrainerCatalog registry, SpecReadContext context)
    {
        for (var i = 0; i < spec.Models.Count; i++)
        {
            var model = spec.Models[i];
            if (!registry.TryGetDeclaration(model.Trainer, out var plugin) || !plugin.NeedsImages)
            {
                continue;
            }

            var itemPath = SpecReadContext.Item("models", i);
            var trainerPath = SpecReadContext.Child(itemPath, "trainer");
            if (spec.Data.Kind != DataKind.Images)
            {
                context.Error(context.LocationOf(trainerPath), trainerPath,
                    $"trainer '{plugin.Name}' needs images, and this pipeline's data is a table; set data.kind: images " +
                    "(formats idx, folders, csv_pixels), or use trainer: mlp for a table");
                continue;
            }

            var (steps, stepsPath) = model.Preprocessing is { } own
                ? (own, SpecReadContext.Child(itemPath, "preprocessing"))
                : (spec.Preprocessing, "preprocessing");
            var pca = steps.FindIndex(step => step.Kind == PreprocessingCatalog.Pca);
            if (pca >= 0)
            {
                var stepPath = SpecReadContext.Item(stepsPath, pca);
                var location = context.Locations.TryGetValue(stepPath, out var at) ? at : context.LocationOf(trainerPath);
                var fix = model.Preprocessing is null ? $"give {itemPath} its own 'preprocessing: []'" : "remove the pca step";
                context.Error(location, stepPath,
                    $"trainer '{plugin.Name}' (model '{model.Name}') needs the pixels as images, and pca replaces them by components; {fix}");
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
