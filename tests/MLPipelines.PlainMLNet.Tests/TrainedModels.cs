using System.Runtime.InteropServices;

namespace MLPipelines.PlainMLNet.Tests;

/// <summary>
/// Small real runs made once with the <c>mlpipe</c> CLI in a separate process: a binary, a multiclass and a regression
/// table with our MLP (and XGBoost on the binary one where libxgboost is installed), and 8x8 digit images with our CNN.
/// </summary>
public sealed class TrainedModels : IDisposable
{
    private const string Evaluation = "evaluation: {method: holdout, test_fraction: 0.3, repeats: 1, seed: 1}\nreport: {formats: [json], feature_importance: false}\n";

    public TrainedModels()
    {
        Directory.CreateDirectory(Folder);
        var xgboost = HasXGBoost ? "  - {name: xgboost, trainer: xgboost, options: {n_estimators: 10, nthread: 1}}\n" : "";
        Run("binary", $"data: {{path: '{Dataset("breast_cancer.csv")}', label: target}}\n", Mlp + xgboost);
        Run("multiclass", $"data: {{path: '{Dataset("wine.csv")}', label: target, task: multiclass}}\n", Mlp);
        Run("regression", $"data: {{path: '{Dataset("iris.csv")}', label: 'petal width (cm)', task: regression}}\n", Mlp);
        Run("images", $"data: {{kind: images, format: csv_pixels, path: '{Dataset("digits.csv")}', label: digit, image: {{width: 8, height: 8, channels: 1}}, pixel_max: 16}}\n",
            "  - {name: cnn, trainer: cnn, options: {architecture: small, epochs: 4, batch_size: 32, horizontal_flip: false}}\n");
    }

    /// <summary>Where the runs are written.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "mlpipe-plain-mlnet-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Whether XGBoost's C library can be loaded (CI installs it; elsewhere the xgboost case is skipped).</summary>
    public static bool HasXGBoost { get; } = NativeLibrary.TryLoad("libxgboost.so", out _) || NativeLibrary.TryLoad("libxgboost.so.0", out _);

    private static string Mlp => "  - {name: mlp, trainer: mlp, options: {epochs: 3, hidden_layers: [16]}}\n";

    /// <summary>A file of the repository's <c>datasets/</c>.</summary>
    public static string Dataset(string file) => Path.Combine(MlpipeProcess.RepositoryRoot, "datasets", file);

    /// <summary>The data file the run <paramref name="run"/> was trained on.</summary>
    public static string DataOf(string run) => Dataset(run switch
    {
        "binary" => "breast_cancer.csv",
        "multiclass" => "wine.csv",
        "regression" => "iris.csv",
        _ => "digits.csv",
    });

    /// <summary>The saved model zip of <paramref name="model"/> in run <paramref name="run"/>.</summary>
    public string Zip(string run, string model) => Path.Combine(Folder, run, "models", model + ".zip");

    /// <summary><c>mlpipe predict</c>'s CSV for <paramref name="model"/> of <paramref name="run"/> on its own data file.</summary>
    public string[] Predict(string run, string model)
    {
        var output = Path.Combine(Folder, $"{run}-{model}-predictions.csv");
        MlpipeProcess.Run(Folder, "predict", "--model", Zip(run, model), "--input", DataOf(run), "--output", output);
        return File.ReadAllLines(output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private void Run(string name, string data, string models)
    {
        var spec = Path.Combine(Folder, name + ".yaml");
        File.WriteAllText(spec, $"name: plain-{name}\n{data}{Evaluation}models:\n{models}");
        MlpipeProcess.Run(Folder, "run", spec, "--out", Path.Combine(Folder, name), "--quiet");
    }
}
