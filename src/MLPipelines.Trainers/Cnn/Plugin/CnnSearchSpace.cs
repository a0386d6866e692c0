using MLPipelines.Tuning.Search;

namespace MLPipelines.Trainers.Cnn.Plugin;

/// <summary>
/// The space <c>tune: true</c> searches for the CNN. No tabular benchmark covers it; the ranges are centred on our
/// defaults (AdamW with a one-cycle schedule, Smith and Topin 2019) and span the values common in small-image
/// training. Epochs stay at the default (the resource successive halving scales).
/// </summary>
internal static class CnnSearchSpace
{
    public static SearchSpace Space { get; } = new([
        Dim("learning_rate", new LogUniformDistribution(1e-3, 1e-2), "One-cycle peak rates for AdamW are usually 1e-3 to 1e-2; our default 3e-3 inside."),
        Dim("weight_decay", new LogUniformDistribution(1e-3, 0.1), "Decoupled decay around our default 0.01, a decade each way."),
        Dim("label_smoothing", new UniformDistribution(0.0, 0.2), "Around our default 0.1 (Szegedy et al. 2016 used 0.1)."),
        Dim("random_erasing", new UniformDistribution(0.0, 0.5), "Zhong et al. 2020 found probabilities up to 0.5 helpful on small images."),
        Dim("crop_padding", new ChoiceDistribution([0, 2, 4]), "No shift, our default 2 pixels, or 4 (the usual CIFAR padding)."),
    ]);

    private static SearchDimension Dim(string name, SearchDistribution distribution, string source) => new(name, distribution) { Source = source };
}
