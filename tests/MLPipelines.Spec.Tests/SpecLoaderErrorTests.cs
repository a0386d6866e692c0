namespace MLPipelines.Spec.Tests;

/// <summary>Each class of spec error: the position, the key path and the message, exactly as printed.</summary>
public sealed class SpecLoaderErrorTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A valid spec with <paramref name="evaluation"/> as line 6 and <paramref name="model"/> as line 8.</summary>
    private static string Spec(string evaluation = "  seed: 1", string model = "  - {trainer: lightgbm}") => SpecFolder.Lines(
        "name: t",
        "data:",
        "  path: data.csv",
        "  label: y",
        "evaluation:",
        evaluation,
        "models:",
        model);

    [Fact]
    public void SpecLoader_Parse_MisspeltKey_SuggestsTheKnownKey()
    {
        Assert.Equal("x.yaml:6:3: evaluation.fold: unknown key; did you mean 'folds'?", _folder.Error(Spec("  fold: 5")));
    }

    [Fact]
    public void SpecLoader_Parse_KeyOfAnotherSection_SaysWhereItBelongs()
    {
        Assert.Equal("x.yaml:6:3: evaluation.label: unknown key; 'label' belongs under 'data'", _folder.Error(Spec("  label: y2")));
        Assert.Equal("x.yaml:1:1: folds: unknown key; 'folds' belongs under 'evaluation'",
            _folder.Error("folds: 3\n" + Spec()));
    }

    [Fact]
    public void SpecLoader_Parse_UnknownKeyFarFromAny_ListsTheKeys()
    {
        Assert.Equal(
            "x.yaml:6:3: evaluation.shuffle_rows: unknown key; expected one of: method, folds, repeats, stratify, test_fraction, seed, primary_metric",
            _folder.Error(Spec("  shuffle_rows: true")));
    }

    [Fact]
    public void SpecLoader_Parse_TextForAnInteger_IsATypeError()
    {
        Assert.Equal("x.yaml:6:10: evaluation.folds: expected an integer, got 'five'", _folder.Error(Spec("  folds: five")));
        Assert.Equal("x.yaml:6:10: evaluation.folds: expected an integer, got 2.5", _folder.Error(Spec("  folds: 2.5")));
    }

    [Fact]
    public void SpecLoader_Parse_QuotedNumber_IsAStringAndSaysSo()
    {
        Assert.Equal("x.yaml:6:10: evaluation.folds: expected an integer, got the quoted string '5' (remove the quotes)",
            _folder.Error(Spec("  folds: \"5\"")));
    }

    [Fact]
    public void SpecLoader_Parse_YesForABool_IsATypeError()
    {
        Assert.Equal("x.yaml:6:13: evaluation.stratify: expected true or false, got 'yes'", _folder.Error(Spec("  stratify: yes")));
    }

    [Fact]
    public void SpecLoader_Parse_ValueOutOfRange_StatesTheRange()
    {
        Assert.Equal("x.yaml:6:10: evaluation.folds: must be >= 2 and <= 100, got 1", _folder.Error(Spec("  folds: 1")));
    }

    [Fact]
    public void SpecLoader_Parse_BadEnumValue_ListsValuesAndSuggests()
    {
        Assert.Equal("x.yaml:6:11: evaluation.method: must be one of kfold, holdout, test_set; got 'k-fold'; did you mean 'kfold'?",
            _folder.Error(Spec("  method: k-fold")));
    }

    [Fact]
    public void SpecLoader_Parse_MissingRequiredKey_PointsAtItsSection()
    {
        var yaml = SpecFolder.Lines("name: t", "data:", "  path: data.csv", "models: [sdca]");

        Assert.Equal("x.yaml:2:1: data.label: required key 'label' is missing", _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_MissingTopLevelKeys_ReportsEachAtTheFileStart()
    {
        Assert.Equal(
            ["x.yaml:1:1: data: required key 'data' is missing", "x.yaml:1:1: models: required key 'models' is missing"],
            _folder.Errors("name: t\n"));
    }

    [Fact]
    public void SpecLoader_Parse_DuplicateModelNames_PointsAtTheSecond()
    {
        var yaml = SpecFolder.Lines(
            "name: t",
            "data: {path: data.csv, label: y}",
            "models:",
            "  - {name: gbm, trainer: lightgbm}",
            "  - {name: gbm, trainer: fasttree}",
            "  - lightgbm",
            "  - lightgbm");

        Assert.Equal(
            [
                "x.yaml:5:12: models[1].name: duplicate model name 'gbm' (also at line 4); give each model a distinct name",
                "x.yaml:7:5: models[3].name: duplicate model name 'lightgbm': entries without 'name' are named after their trainer, and models[2] already is; add a 'name'",
            ],
            _folder.Errors(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_UnknownTrainer_SuggestsARegisteredOne()
    {
        Assert.Equal(
            "x.yaml:8:15: models[0].trainer: unknown trainer 'lightgmb'; did you mean 'lightgbm'? (known trainers: fastforest, fasttree, lbfgs, lightgbm, sdca, toy)",
            _folder.Error(Spec(model: "  - {trainer: lightgmb}")));
    }

    [Fact]
    public void SpecLoader_Parse_MisspeltTrainerOption_SuggestsTheOption()
    {
        Assert.Equal("x.yaml:8:35: models[0].options.tress: unknown option of trainer 'fasttree'; did you mean 'trees'?",
            _folder.Error(Spec(model: "  - {trainer: fasttree, options: {tress: 100}}")));
    }

    [Fact]
    public void SpecLoader_Parse_TrainerOptionAtModelLevel_SaysToMoveItUnderOptions()
    {
        Assert.Equal("x.yaml:8:25: models[0].trees: unknown key; 'trees' belongs under 'options'",
            _folder.Error(Spec(model: "  - {trainer: fasttree, trees: 100}")));
    }

    [Fact]
    public void SpecLoader_Parse_TrainerOptionOutOfRange_StatesTheRange()
    {
        Assert.Equal("x.yaml:8:50: models[0].options.learning_rate: must be > 0 and <= 1, got 2",
            _folder.Error(Spec(model: "  - {trainer: lightgbm, options: {learning_rate: 2}}")));
    }

    [Fact]
    public void SpecLoader_Parse_TrainerOptionEnum_SuggestsTheValue()
    {
        Assert.Equal("x.yaml:8:39: models[0].options.booster: must be one of gbdt, dart, goss; got 'gbtd'; did you mean 'gbdt'?",
            _folder.Error(Spec(model: "  - {trainer: toy, options: {booster: gbtd}}")));
    }

    [Fact]
    public void SpecLoader_Parse_TrainerOptionListElement_IsCheckedWithItsPath()
    {
        Assert.Equal("x.yaml:8:50: models[0].options.hidden_layers[1]: must be >= 1, got 0",
            _folder.Error(Spec(model: "  - {trainer: toy, options: {hidden_layers: [64, 0]}}")));
        Assert.Equal("x.yaml:8:45: models[0].options.hidden_layers: expected a list of integers, e.g. [256, 256], got 64; write [64] for a list of one",
            _folder.Error(Spec(model: "  - {trainer: toy, options: {hidden_layers: 64}}")));
    }

    [Fact]
    public void SpecLoader_Parse_PluginRuleFails_ReportsAtTheNamedOption()
    {
        Assert.Equal("x.yaml:8:56: models[0].options.subsample: goss samples rows by gradient itself; set subsample: 1 or use another booster",
            _folder.Error(Spec(model: "  - {trainer: toy, options: {booster: goss, subsample: 0.5}}")));
    }

    [Fact]
    public void SpecLoader_Parse_OptionOfAnotherTask_IsRejectedWhenTheTaskIsWritten()
    {
        var yaml = SpecFolder.Lines(
            "name: t",
            "data: {path: data.csv, label: y, task: multiclass}",
            "models:",
            "  - {trainer: toy, options: {unbalanced: true}}");

        Assert.Equal("x.yaml:4:42: models[0].options.unbalanced: applies only to binary tasks, and this pipeline's task is multiclass",
            _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_TrainerWithoutTheTask_IsRejected()
    {
        var yaml = SpecFolder.Lines("name: t", "data: {path: data.csv, label: y, task: regression}", "models:", "  - toy");

        Assert.Equal("x.yaml:4:5: models[0].trainer: trainer 'toy' does not support regression; it supports binary, multiclass",
            _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_UnknownStep_SuggestsTheKind()
    {
        var yaml = SpecFolder.Lines("name: t", "data: {path: data.csv, label: y}", "preprocessing:", "  - normalise", "models: [sdca]");

        Assert.Equal("x.yaml:4:5: preprocessing[0]: unknown preprocessing step 'normalise'; did you mean 'normalize'? (known steps: impute, one_hot, normalize, pca)",
            _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_StepOptionErrors_UseTheStepPath()
    {
        var yaml = SpecFolder.Lines(
            "name: t",
            "data: {path: data.csv, label: y}",
            "preprocessing:",
            "  - impute: {numeric: medain}",
            "  - normalize: {methd: zscore}",
            "  - pca: {components: 0}",
            "models: [sdca]");

        Assert.Equal(
            [
                "x.yaml:4:23: preprocessing[0].impute.numeric: must be one of median, mean, zero, most_frequent; got 'medain'; did you mean 'median'?",
                "x.yaml:5:17: preprocessing[1].normalize.methd: unknown option of step 'normalize'; did you mean 'method'?",
                "x.yaml:6:23: preprocessing[2].pca.components: must be >= 1 and <= 10000, got 0",
            ],
            _folder.Errors(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_StepOptionsNotIndented_ExplainsTheShape()
    {
        var yaml = SpecFolder.Lines(
            "name: t",
            "data: {path: data.csv, label: y}",
            "preprocessing:",
            "  - normalize:",
            "    method: zscore",
            "models: [sdca]");

        Assert.Equal(
            "x.yaml:4:5: preprocessing[0]: a step is one key (its kind) holding its options, e.g. '- normalize: {method: zscore}'; found 2 keys: normalize, method (are the options indented under the kind?)",
            _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_RepeatedStep_IsRejected()
    {
        var yaml = SpecFolder.Lines("name: t", "data: {path: data.csv, label: y}", "preprocessing: [impute, normalize, normalize]", "models: [sdca]");

        Assert.Equal("x.yaml:3:36: preprocessing[2]: step 'normalize' is already at preprocessing[1]; each step may appear once",
            _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_StepsOutOfRunOrder_AreRejected()
    {
        var yaml = SpecFolder.Lines("name: t", "data: {path: data.csv, label: y}", "preprocessing: [normalize, pca, impute]", "models: [sdca]");

        Assert.Equal("x.yaml:3:33: preprocessing[2]: step 'impute' must come before 'normalize' (preprocessing[0]); steps always run in the order impute, one_hot, normalize, pca",
            _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_BadReportFormats_AreEachReported()
    {
        var yaml = SpecFolder.Lines("name: t", "data: {path: data.csv, label: y}", "models: [sdca]", "report: {formats: [json, pdf, json]}");

        Assert.Equal(
            [
                "x.yaml:4:26: report.formats[1]: must be one of json, markdown, html; got 'pdf'",
                "x.yaml:4:31: report.formats[2]: 'json' is already listed at report.formats[0]",
            ],
            _folder.Errors(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_BaselineNotAModel_SuggestsAModelName()
    {
        var yaml = SpecFolder.Lines("name: t", "data: {path: data.csv, label: y}", "models: [lightgbm, sdca]", "report: {baseline: lightgmb}");

        Assert.Equal("x.yaml:4:20: report.baseline: no model is named 'lightgmb'; did you mean 'lightgbm'? (models: lightgbm, sdca)",
            _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_MissingDataFile_IsReportedAtDataPath()
    {
        var yaml = SpecFolder.Lines("name: t", "data:", "  path: dta.csv", "  label: y", "models: [sdca]");
        var expected = Path.Combine(_folder.Root, "dta.csv");

        Assert.Equal(
            $"x.yaml:3:9: data.path: file not found: {expected}; relative paths are resolved against {_folder.Root}; did you mean 'data.csv'?",
            _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_DataPathIsAFolder_IsReported()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Root, "sub"));
        var yaml = SpecFolder.Lines("name: t", "data: {path: sub, label: y}", "models: [sdca]");

        Assert.Equal($"x.yaml:2:14: data.path: 'sub' is a directory ({Path.Combine(_folder.Root, "sub")}); expected a CSV or TSV file",
            _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_YamlSyntaxError_HasAPosition()
    {
        var yaml = SpecFolder.Lines("name: t", "data: {path: data.csv, label: y", "models: [sdca]");

        Assert.Equal("x.yaml:2:29: YAML syntax error: cannot read past this point; is a '{', '[' or quote left unclosed?", _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_TabIndentation_IsASyntaxError()
    {
        var error = _folder.Error("name: t\ndata:\n\tpath: data.csv\n");

        Assert.Equal("x.yaml:3:1: YAML syntax error: while scanning a mapping, found invalid tab as indentation; use spaces", error);
    }

    [Fact]
    public void SpecLoader_Parse_DuplicateYamlKey_IsReportedAtTheSecond()
    {
        var yaml = SpecFolder.Lines("name: t", "data: {path: data.csv, label: y}", "models: [sdca]", "name: u");

        Assert.Equal("x.yaml:4:1: YAML syntax error: duplicate key name", _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_EmptyOrScalarOrTwoDocuments_AreRejected()
    {
        Assert.Equal("x.yaml:1:1: the file holds no pipeline definition; expected keys name, data and models", _folder.Error("# nothing\n"));
        Assert.Equal("x.yaml:1:1: expected a mapping with keys name, data and models, got 'hello'", _folder.Error("hello\n"));
        Assert.Equal("x.yaml:3:1: the file holds one YAML document, and a second one starts here (remove the '---' line)",
            _folder.Error("name: t\n---\nname: u\n"));
    }

    [Fact]
    public void SpecLoader_Parse_UnsupportedVersion_IsRejected()
    {
        Assert.Equal("x.yaml:1:10: version: unsupported format version 2; this mlpipe reads version 1", _folder.Error("version: 2\n" + Spec()));
    }

    [Fact]
    public void SpecLoader_Parse_KeyOfTheOtherMethod_IsRejected()
    {
        Assert.Equal("x.yaml:6:18: evaluation.test_fraction: applies only to method: holdout (method is kfold by default); remove it or set method: holdout",
            _folder.Error(Spec("  test_fraction: 0.3")));
        var holdout = SpecFolder.Lines("name: t", "data: {path: data.csv, label: y}", "evaluation: {method: holdout, folds: 3}", "models: [sdca]");
        Assert.Equal("x.yaml:3:38: evaluation.folds: applies only to method: kfold (method is holdout); remove it or set method: kfold",
            _folder.Error(holdout));
    }

    [Fact]
    public void SpecLoader_Parse_ColumnInTwoLists_OrIgnoredLabel_IsRejected()
    {
        var yaml = SpecFolder.Lines(
            "name: t",
            "data:",
            "  path: data.csv",
            "  label: y",
            "  columns: {ignore: [id, y], categorical: [zip], numeric: [zip]}",
            "models: [sdca]");

        Assert.Equal(
            [
                "x.yaml:5:26: data.columns.ignore[1]: 'y' is the label column and cannot be ignored",
                "x.yaml:5:60: data.columns.numeric[0]: column 'zip' is already listed at data.columns.categorical[0]; a column may appear in one list only",
            ],
            _folder.Errors(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_TaskDependentRules_UseTheWrittenTask()
    {
        var yaml = SpecFolder.Lines(
            "name: t",
            "data: {path: data.csv, label: y, task: binary, label_transform: log}",
            "evaluation: {primary_metric: rmse}",
            "models: [sdca]");

        Assert.Equal(
            [
                "x.yaml:2:65: data.label_transform: 'log' applies only to regression, and this pipeline's task is binary",
                "x.yaml:3:30: evaluation.primary_metric: 'rmse' is not a binary metric; choose one of auc, accuracy, f1, log_loss, auprc",
            ],
            _folder.Errors(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_StratifiedRegression_IsRejected()
    {
        var yaml = SpecFolder.Lines("name: t", "data: {path: data.csv, label: y, task: regression}", "evaluation: {stratify: true}", "models: [sdca]");

        Assert.Equal("x.yaml:3:24: evaluation.stratify: stratified splits need class labels, and this pipeline's task is regression; remove it or set it to false",
            _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_UnknownMetric_IsRejectedWithoutATask()
    {
        Assert.Equal(
            "x.yaml:6:19: evaluation.primary_metric: must be one of auc, accuracy, f1, log_loss, auprc, macro_accuracy, rmse, mae, r2; got 'acuracy'; did you mean 'accuracy'?",
            _folder.Error(Spec("  primary_metric: acuracy")));
    }

    [Fact]
    public void SpecLoader_Parse_BadSeparatorAndBadName_AreRejected()
    {
        var yaml = SpecFolder.Lines("name: my run", "data: {path: data.csv, label: y, separator: '::'}", "models: [sdca]");

        Assert.Equal(
            [
                "x.yaml:1:7: name: 'my run' is not a valid name: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                "x.yaml:2:45: data.separator: must be auto, tab or one character such as ',' or ';', got '::'",
            ],
            _folder.Errors(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_ManyMistakes_AreAllReportedInFileOrder()
    {
        var yaml = SpecFolder.Lines(
            "name: t",
            "data:",
            "  path: data.csv",
            "  label: y",
            "  tsak: binary",
            "evaluation:",
            "  folds: five",
            "models:",
            "  - {trainer: lightgbm, options: {iteratons: 10}}",
            "  - {trainer: fastree}",
            "report: {formats: [pdf]}");

        var errors = _folder.Errors(yaml);

        Assert.Equal(
            [
                "x.yaml:5:3: data.tsak: unknown key; did you mean 'task'?",
                "x.yaml:7:10: evaluation.folds: expected an integer, got 'five'",
                "x.yaml:9:35: models[0].options.iteratons: unknown option of trainer 'lightgbm'; did you mean 'iterations'?",
                "x.yaml:10:15: models[1].trainer: unknown trainer 'fastree'; did you mean 'fasttree'? (known trainers: fastforest, fasttree, lbfgs, lightgbm, sdca, toy)",
                "x.yaml:11:20: report.formats[0]: must be one of json, markdown, html; got 'pdf'",
            ],
            errors);
    }

    [Fact]
    public void SpecLoader_Load_MissingSpecFile_SaysSo()
    {
        var path = Path.Combine(_folder.Root, "nope.yaml");

        var error = Assert.Throws<SpecException>(() => new SpecLoader(SpecFolder.Registry()).Load(path));

        Assert.Equal($"{path}: file not found", error.Message);
    }

    [Fact]
    public void SpecLoader_Load_ErrorsNameTheFileAsGiven()
    {
        var path = _folder.Write("bad.yaml", Spec("  fold: 5"));

        var error = Assert.Throws<SpecException>(() => new SpecLoader(SpecFolder.Registry()).Load(path));

        Assert.Equal($"{path}:6:3: evaluation.fold: unknown key; did you mean 'folds'?", error.Message);
    }
}
