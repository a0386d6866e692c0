using MLPipelines.Tuning.Search;

namespace MLPipelines.Trainers.Mlp.Plugin;

/// <summary>
/// The space <c>tune: true</c> searches for the MLP, each range with its source: RealMLP's tuned space as TabArena
/// runs it (Holzmüller et al. 2024; autogluon/tabarena <c>models/realmlp/hpo.py</c>) and TabM's (Gorishniy et al.
/// 2025), translated to our options. Epochs stay at the default with early stopping (the resource successive
/// halving scales).
/// </summary>
internal static class MlpSearchSpace
{
    public static SearchSpace Space { get; } = new([
        Dim("learning_rate", new LogUniformDistribution(3e-4, 1e-2),
            "TabM searches [1e-4, 5e-3] for AdamW; RealMLP's [0.02, 0.3] belongs to its own parametrization (scaled layers), not AdamW's plain rate. [3e-4, 1e-2] keeps our default 2e-3 in the middle in log terms."),
        Dim("weight_decay", new LogUniformDistribution(1e-3, 0.1), "RealMLP [1e-3, 5e-2], TabM up to 0.1; our default 0.02 inside."),
        Dim("dropout", new UniformDistribution(0.0, 0.5), "RealMLP and TabM both search [0, 0.5]."),
        Dim("hidden_layers", new ChoiceDistribution([
                new[] { 256, 256 }, new[] { 256, 256, 256 }, new[] { 256, 256, 256, 256 },
                new[] { 384, 384 }, new[] { 384, 384, 384 }, new[] { 384, 384, 384, 384 },
                new[] { 512, 512 }, new[] { 512, 512, 512 }, new[] { 512, 512, 512, 512 },
            ]),
            "RealMLP's space in TabArena: 2-4 hidden layers of width 256, 384 or 512 (ours: 3 x 256)."),
        Dim("label_smoothing", new UniformDistribution(0.0, 0.2), "RealMLP searches label smoothing on or off with epsilon up to 0.1; our default is 0.1, so [0, 0.2] has it in the middle. Classification only (dropped for regression)."),
        Dim("periodic_sigma", new LogUniformDistribution(0.01, 10), "Scale of the periodic (PLR) embeddings' frequencies: TabM's frequency scale range [0.01, 10] (RealMLP: [0.01, 50]); used when the embeddings are on."),
    ]);

    private static SearchDimension Dim(string name, SearchDistribution distribution, string source) => new(name, distribution) { Source = source };
}
