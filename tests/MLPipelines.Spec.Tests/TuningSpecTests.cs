using MLPipelines.Tuning.Search;

namespace MLPipelines.Spec.Tests;

/// <summary>The <c>tuning:</c> section and a model's <c>tune:</c>: what they resolve to and every error with its position.</summary>
public sealed class TuningSpecTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A valid spec with the tuning section at lines 5-6 and the models from line 8.</summary>
    private static string Spec(string tuning, params string[] models) => SpecFolder.Lines(
        ["name: t", "data:", "  path: data.csv", "  label: y", "tuning:", tuning, "models:", .. models]);

    [Fact]
    public void SpecLoader_Parse_TuneTrueTakesTheRunSettingsAndTheBuiltInSpace()
    {
        var spec = _folder.Parse(Spec("  budget: {seconds: 60}", "  - {trainer: lightgbm}", "  - {name: gbdt, trainer: lightgbm, tune: true}"));

        Assert.Null(spec.Models[0].Tune);
        var tune = spec.Models[1].Tune!;
        Assert.Null(tune.Space);
        Assert.Equal(60.0, tune.Settings.BudgetSeconds);
        Assert.Null(tune.Settings.BudgetTrials);
        Assert.Equal(("kfold", 5, "random", 25), (tune.Settings.InnerMethod, tune.Settings.InnerFolds, tune.Settings.Strategy, tune.Settings.EnsembleSize));
        Assert.Equal("one_se", tune.Settings.Selection);
    }

    [Fact]
    public void SpecLoader_Parse_SelectionIsReadReplacedByTuneAndChecked()
    {
        var spec = _folder.Parse(Spec("  selection: best", "  - {name: a, trainer: lightgbm, tune: true}", "  - {name: b, trainer: lightgbm, tune: {selection: one_se}}"));
        var error = Assert.Single(_folder.Errors(Spec("  selection: one_sd", "  - {trainer: lightgbm, tune: true}")));

        Assert.Equal(("best", "one_se"), (spec.Models[0].Tune!.Settings.Selection, spec.Models[1].Tune!.Settings.Selection));
        Assert.StartsWith("x.yaml:6:14: tuning.selection:", error, StringComparison.Ordinal);
        Assert.Contains("one_se", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SpecLoader_Parse_ATuneMappingReplacesWholeKeysAndGivesItsSpace()
    {
        var spec = _folder.Parse(Spec(
            "  {budget: {seconds: 60}, inner: {method: holdout, test_fraction: 0.25}, ensemble: {size: 10}}",
            "  - name: m",
            "    trainer: lightgbm",
            "    tune:",
            "      budget: {trials: 12}",
            "      strategy: successive_halving",
            "      space:",
            "        learning_rate: {log_uniform: [0.01, 0.2]}",
            "        num_leaves: {int_log_uniform: [4, 64]}",
            "        max_bin: {choice: [63, 255]}"));

        var tune = spec.Models[0].Tune!;
        Assert.Equal((null, 12), (tune.Settings.BudgetSeconds, tune.Settings.BudgetTrials));
        Assert.Equal(("holdout", 0.25, 10, "successive_halving"), (tune.Settings.InnerMethod, tune.Settings.InnerTestFraction, tune.Settings.EnsembleSize, tune.Settings.Strategy));
        Assert.Equal(["learning_rate", "num_leaves", "max_bin"], tune.Space!.Dimensions.Select(d => d.Name));
        Assert.Equal(new LogUniformDistribution(0.01, 0.2), tune.Space.Dimensions[0].Distribution);
        Assert.Equal(new IntLogUniformDistribution(4, 64), tune.Space.Dimensions[1].Distribution);
        Assert.Equal(new ChoiceDistribution([63L, 255L]), tune.Space.Dimensions[2].Distribution);
    }

    [Fact]
    public void SpecLoader_Parse_SpaceErrorsHaveTheirPositionsAndSuggestions()
    {
        var errors = _folder.Errors(Spec(
            "  budget: {trials: 5}",
            "  - name: m",
            "    trainer: lightgbm",
            "    tune:",
            "      space:",
            "        learnig_rate: {log_uniform: [0.01, 0.2]}",
            "        num_leaves: {uniform: [4, 64]}",
            "        feature_fraction: {uniform: [0.5, 1.5]}",
            "        l2: {log_unifrm: [0.1, 1]}",
            "        iterations: {int_uniform: [100, 50]}",
            "        min_data_in_leaf: {choice: [0, 5]}"));

        Assert.Equal(
        [
            "x.yaml:12:9: models[0].tune.space.learnig_rate: unknown option of trainer 'lightgbm'; did you mean 'learning_rate'? (its options are iterations, learning_rate, num_leaves, min_data_in_leaf, max_bin, feature_fraction, bagging_fraction, l1, l2, min_gain_to_split, threads)",
            "x.yaml:13:21: models[0].tune.space.num_leaves.uniform: num_leaves is an integer option: use int_uniform, int_log_uniform or choice",
            "x.yaml:14:43: models[0].tune.space.feature_fraction.uniform[1]: must be > 0 and <= 1, got 1.5",
            "x.yaml:15:14: models[0].tune.space.l2.log_unifrm: unknown distribution 'log_unifrm'; did you mean 'log_uniform'? (one of uniform, log_uniform, int_uniform, int_log_uniform, choice)",
            "x.yaml:16:41: models[0].tune.space.iterations.int_uniform[1]: the upper bound must be at least the lower bound (100)",
            "x.yaml:17:37: models[0].tune.space.min_data_in_leaf.choice[0]: must be >= 1 and <= 1000000, got 0",
        ], errors);
    }

    [Fact]
    public void SpecLoader_Parse_TuningSectionErrorsAreSpecErrors()
    {
        var errors = _folder.Errors(Spec(
            "  {budget: {seconds: 0}, inner: {method: holdout, folds: 3}, strategy: greedy, ensembel: {size: 3}}",
            "  - {trainer: sdca, tune: {strategy: successive_halving}}",
            "  - {name: two, trainer: lightgbm, tune: yes}"));

        Assert.Equal(
        [
            "x.yaml:6:22: tuning.budget.seconds: must be > 0 and <= 10000000, got 0",
            "x.yaml:6:58: tuning.inner.folds: applies only to method: kfold (method is holdout); remove it or set method: kfold",
            "x.yaml:6:72: tuning.strategy: must be one of random, successive_halving; got 'greedy'",
            "x.yaml:6:80: tuning.ensembel: unknown key; did you mean 'ensemble'?",
            "x.yaml:8:27: models[0].tune: successive_halving scales boosting rounds or epochs, and trainer 'sdca' has neither; use strategy: random",
            "x.yaml:9:42: models[1].tune: expected true, false or a mapping (space and tuning keys), got 'yes'",
        ], errors);
    }

    [Fact]
    public void SpecLoader_Parse_ABaselineMayNameAVariant()
    {
        var ok = _folder.Parse(Spec("  budget: {trials: 3}", "  - {name: m, trainer: lightgbm, tune: true}", "report: {baseline: 'm:tuned'}"));

        Assert.Equal("m:tuned", ok.Report.Baseline);
        Assert.Equal("x.yaml:9:20: report.baseline: no model is named 'm:tunde'; did you mean 'm:tuned'? (models: m, m:tuned, m:ensembled)",
            _folder.Error(Spec("  budget: {trials: 3}", "  - {name: m, trainer: lightgbm, tune: true}", "report: {baseline: 'm:tunde'}")));
    }

    [Fact]
    public void ResolvedSpecWriter_ToYaml_TuningLoadsBackToTheSameSettings()
    {
        var spec = _folder.Parse(Spec(
            "  {budget: {seconds: 30, trials: 8}, parallel: {trials: 2, threads: 1}}",
            "  - {name: a, trainer: lightgbm, tune: true}",
            "  - {name: b, trainer: mlp_free, tune: {space: {l2: {log_uniform: [0.01, 10]}, l1: {choice: [0.5, 1]}}}}".Replace("mlp_free", "lbfgs", StringComparison.Ordinal)));

        var again = _folder.Parse(ResolvedSpecWriter.ToYaml(spec));

        Assert.Equal(spec.Tuning, again.Tuning);
        Assert.Equal(spec.Models[0].Tune!.Settings, again.Models[0].Tune!.Settings);
        Assert.Equal(spec.Models[1].Tune!.Space!.Dimensions.Select(d => d.ToString()), again.Models[1].Tune!.Space!.Dimensions.Select(d => d.ToString()));
        Assert.Equal(spec.Models[1].Tune!.Settings, again.Models[1].Tune!.Settings);
    }
}
