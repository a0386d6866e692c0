using DataFrameQuickstart;

// dotnet run --project examples/DataFrameQuickstart [-- IRIS_CSV [OUTPUT_DIR]]
var root = AppContext.BaseDirectory;
while (root is not null && !File.Exists(Path.Combine(root, "MLPipelines.sln")))
{
    root = Path.GetDirectoryName(root);
}

var iris = args.Length > 0 ? args[0] : Path.Combine(root ?? ".", "datasets", "iris.csv");
var output = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "mlpipelines-quickstart-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
var result = await Quickstart.RunAsync(iris, output, Console.Out);
Console.WriteLine($"Run folder: {result.Run.Directory}");
