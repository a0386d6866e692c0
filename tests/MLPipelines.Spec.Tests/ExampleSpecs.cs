namespace MLPipelines.Spec.Tests;

/// <summary>Spec texts shared by several tests.</summary>
internal static class ExampleSpecs
{
    /// <summary>The starting shape from issue 2, verbatim apart from the data path (written as pipelines/letter.yaml).</summary>
    public const string IssueExample = """
        name: letter-gbdt                  # used for the run folder and the report title
        data:
          path: ../datasets/letter.csv     # relative to this YAML file
          label: lettr
          task: multiclass                 # binary | multiclass | regression; inferred when omitted
          columns: {ignore: [], categorical: [], numeric: []}   # optional overrides of schema inference
        evaluation:
          method: kfold                    # kfold | holdout
          folds: 5
          repeats: 1                       # repeated k-fold with reshuffling
          stratify: true                   # default true for classification
          seed: 42
        preprocessing:                     # default for every model; a model may give its own list
          - impute: {numeric: median, categorical: most_frequent}
          - one_hot: {max_categories: 64}
          - normalize: {method: zscore}    # minmax | zscore | robust | log_zscore
          - pca: {components: 8}
        models:
          - {name: lightgbm, trainer: lightgbm, options: {iterations: 300, learning_rate: 0.1}}
          - {name: fasttree, trainer: fasttree, preprocessing: [impute], options: {trees: 100}}
          - {name: linear,   trainer: sdca}
        report:
          formats: [json, markdown]
        """;

    /// <summary>A spec that uses most of the format's less common features.</summary>
    public const string Rich = """
        version: 1
        name: rich.run_2
        data:
          path: data.csv
          label: "2019"
          task: regression
          label_transform: log
          separator: tab
          missing_values: ["", NA, "-", "null"]
          columns:
            ignore: [id]
            categorical: [zip, "007"]
            numeric: [income]
        evaluation:
          method: holdout
          repeats: 3
          test_fraction: 0.25
          seed: 7
          primary_metric: mae
        preprocessing:
          - impute: {numeric: mean, add_indicator: true}
          - normalize: {method: robust}
          - pca: {components: 3}
        models:
          - lightgbm
          - {name: gbm-fast, trainer: lightgbm, preprocessing: [], options: {iterations: 20, threads: 2}}
          - name: linear
            trainer: sdca
            options:
              l2: 0.001
              max_iterations: ~
        report:
          formats: [html, json]
          baseline: gbm-fast
        """;
}
