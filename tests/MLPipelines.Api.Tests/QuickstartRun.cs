using DataFrameQuickstart;
using MLPipelines.Tests;

namespace MLPipelines.Api.Tests;

/// <summary>The example, run once: iris as a DataFrame, three models on 3 folds, the best served in-process.</summary>
public sealed class QuickstartRun : IAsyncLifetime
{
    public string Folder { get; } = TestPaths.NewTempFolder();

    public StringWriter Log { get; } = new();

    public QuickstartResult Result { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Result = await Quickstart.RunAsync(TestPaths.Dataset("iris.csv"), Path.Combine(Folder, "run"), Log);

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }

        return Task.CompletedTask;
    }
}
