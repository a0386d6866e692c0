using System.IO.Compression;
using MLPipelines.Cli;
using MLPipelines.Tests;
using Spectre.Console;

namespace MLPipelines.Serving.Tests;

/// <summary>
/// Two small real runs made once in-process with the <c>mlpipe</c> CLI, each served on an ephemeral loopback port:
/// telco churn (binary; LightGBM and a linear model, 200 rows) and the committed Fashion-MNIST subset (10 classes of
/// 28x28 images; a small MLP). The servers take at most 50 rows and 256 KiB per request, so the limits are cheap to hit.
/// </summary>
public sealed class ServedRuns : IAsyncLifetime
{
    public const int MaxRows = 50;
    public const long MaxBodyBytes = 256 * 1024;
    public const long MaxImagePixels = 256 * 256;

    private ModelServer? _telco;
    private ModelServer? _images;

    /// <summary>Where the runs and scratch files are written.</summary>
    public string Folder { get; } = TestPaths.NewTempFolder();

    public string TelcoRun => Path.Combine(Folder, "telco");

    public string ImageRun => Path.Combine(Folder, "fashion");

    /// <summary>The first 200 rows of telco_churn.csv (the data the telco models were trained on).</summary>
    public string TelcoCsv => Path.Combine(Folder, "telco-200.csv");

    public HttpClient Telco { get; private set; } = null!;

    public HttpClient Images { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllLines(TelcoCsv, File.ReadLines(TestPaths.Dataset("telco_churn.csv")).Take(201));
        Run("telco", $"data: {{path: '{TelcoCsv}', label: churn}}\nevaluation: {{method: holdout, test_fraction: 0.3, seed: 1}}\n" +
            "models:\n  - {name: lightgbm, trainer: lightgbm, options: {iterations: 20, num_leaves: 8, min_data_in_leaf: 5}}\n  - {name: linear, trainer: sdca}\n");
        var subset = Path.Combine(TestPaths.RepoRoot, "datasets", "fashion-mnist", "subset");
        Run("fashion", "data:\n  kind: images\n  format: idx\n" +
            $"  train: {{images: '{subset}/train-images-idx3-ubyte.gz', labels: '{subset}/train-labels-idx1-ubyte.gz'}}\n" +
            $"  test: {{images: '{subset}/t10k-images-idx3-ubyte.gz', labels: '{subset}/t10k-labels-idx1-ubyte.gz'}}\n" +
            "  classes: [T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot]\n" +
            "evaluation: {method: test_set, seed: 1}\nmodels:\n  - {name: mlp, trainer: mlp, options: {epochs: 3, hidden_layers: [32]}}\n");
        var options = new ServeOptions { Port = 0, MaxRows = MaxRows, MaxBodyBytes = MaxBodyBytes, MaxImagePixels = MaxImagePixels };
        _telco = await ModelServer.StartAsync(ModelCatalog.Load(TelcoRun), options);
        _images = await ModelServer.StartAsync(ModelCatalog.Load(ImageRun), options);
        Telco = new HttpClient { BaseAddress = _telco.Address };
        Images = new HttpClient { BaseAddress = _images.Address };
    }

    /// <summary>The test images of the subset: 28x28 bytes each, and their labels (class indices).</summary>
    public static (byte[][] Images, byte[] Labels) TestImages()
    {
        var subset = Path.Combine(TestPaths.RepoRoot, "datasets", "fashion-mnist", "subset");
        var images = Gunzip(Path.Combine(subset, "t10k-images-idx3-ubyte.gz"));
        var labels = Gunzip(Path.Combine(subset, "t10k-labels-idx1-ubyte.gz"));
        var count = labels.Length - 8;
        return ([.. Enumerable.Range(0, count).Select(i => images.AsSpan(16 + (i * 784), 784).ToArray())], labels[8..]);
    }

    /// <summary>Runs <c>mlpipe</c> in-process; returns its exit code and output.</summary>
    public static (int Code, string Output) Mlpipe(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        var code = CliApp.Run(args, console);
        return (code, writer.ToString());
    }

    public async Task DisposeAsync()
    {
        Telco.Dispose();
        Images.Dispose();
        await _telco!.DisposeAsync();
        await _images!.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private void Run(string name, string body)
    {
        var spec = Path.Combine(Folder, name + ".yaml");
        File.WriteAllText(spec, $"name: served-{name}\n{body}report: {{formats: [json], feature_importance: false}}\n");
        var (code, output) = Mlpipe("run", spec, "--out", Path.Combine(Folder, name), "--quiet");
        if (code != 0)
        {
            throw new InvalidOperationException($"mlpipe run {spec} exited {code}:\n{output}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServedRunsCollection : ICollectionFixture<ServedRuns>
{
    public const string Name = "served runs";
}
