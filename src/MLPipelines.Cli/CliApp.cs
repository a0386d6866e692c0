using MLPipelines.Cli.Commands;
using MLPipelines.Cli.Infrastructure;
using MLPipelines.Core.Experiments;
using MLPipelines.Core.Runs;
using MLPipelines.Data.Images;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli;

/// <summary>
/// The <c>mlpipe</c> command line: verbs over Core, and the one place where exceptions become exit codes
/// (<see cref="ExitCodes"/>): spec, data and argument problems print their message and exit 2 without a stack
/// trace; Ctrl+C cancels the run cleanly and exits 130; anything else exits 1.
/// </summary>
public static class CliApp
{
    /// <summary>Runs <paramref name="args"/> writing to <paramref name="console"/>.</summary>
    /// <param name="interactiveCancel">Hook Ctrl+C (the real process); tests pass false.</param>
    /// <param name="errors">Where error messages go (the process passes standard error); null = the console's output.</param>
    public static int Run(
        string[] args, IAnsiConsole console, bool interactiveCancel = false, TextWriter? errors = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        errors ??= console.Profile.Out.Writer;
        if (!console.Profile.Capabilities.Interactive && console.Profile.Width < 120)
        {
            console.Profile.Width = 120; // logs and pipes: tables get room instead of the 80-column default
        }

        using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ConsoleCancelEventHandler? handler = null;
        if (interactiveCancel)
        {
            handler = (_, e) =>
            {
                // First Ctrl+C: stop cleanly (the run folder is marked incomplete). A second one kills the process.
                if (!source.IsCancellationRequested)
                {
                    e.Cancel = true;
                    source.Cancel();
                }
            };
            Console.CancelKeyPress += handler;
        }

        try
        {
            var app = new CommandApp(new TypeRegistrar(console));
            app.Configure(config =>
            {
                config.SetApplicationName("mlpipe");
                config.SetApplicationVersion(BuildVersion.Text);
                config.ConfigureConsole(console);
                config.PropagateExceptions();
                config.AddCommand<RunCommand>("run")
                    .WithDescription("Run a pipeline: evaluate every model on the same folds and write the run folder.")
                    .WithExample("run", "pipelines/letter.yaml");
                config.AddCommand<ExperimentCommand>("experiment")
                    .WithDescription("Run the same models on several datasets: matrix with significance marks, ranks, Friedman/Nemenyi, CD diagram.")
                    .WithExample("experiment", "pipelines/experiments/tabular.yaml");
                config.AddCommand<WorkerCommand>("worker")
                    .WithDescription("Join a cluster (Orleans silo, membership in Redis) and execute the units of runs and experiments submitted with --cluster.")
                    .WithExample("worker", "--cluster", "redis://127.0.0.1:6379");
                config.AddCommand<ReportCommand>("report")
                    .WithDescription("Rewrite the reports of a run or experiment folder from its results, without training.")
                    .WithExample("report", "runs/penguins");
                config.AddCommand<ValidateCommand>("validate")
                    .WithDescription("Check a pipeline file (and the data file's header) without training.")
                    .WithExample("validate", "pipelines/letter.yaml");
                config.AddCommand<PredictCommand>("predict")
                    .WithDescription("Score a CSV file with a saved model zip.")
                    .WithExample("predict", "--model", "runs/x/models/lightgbm.zip", "--input", "new.csv");
                config.AddCommand<ServeCommand>("serve")
                    .WithDescription("Serve saved models over HTTP: POST /predict with JSON rows, CSV or an image; GET /models.")
                    .WithExample("serve", "runs/penguins", "--port", "8080");
                config.AddCommand<InitCommand>("init")
                    .WithDescription("Print a starter pipeline inferred from a CSV file.")
                    .WithExample("init", "datasets/telco_churn.csv", "--label", "churn");
                config.AddCommand<DescribeCommand>("describe")
                    .WithDescription("Show the inferred schema and a summary of each column of a CSV file.")
                    .WithExample("describe", "datasets/penguins.csv");
                config.AddCommand<SchemaCommand>("schema")
                    .WithDescription("Print the JSON Schema of the pipeline format (for editor completion).");
            });
            return app.Run(args, source.Token);
        }
        catch (Exception e) when (IsCancellation(e))
        {
            errors.WriteLine("Interrupted. The run folder, if any, was left as NAME.incomplete.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is SpecException or DataFileException or RunFolderException or ImageDataException or ExperimentException or MLPipelines.Serving.ServeException or MLPipelines.Cluster.ClusterException)
        {
            // Unwrapped lines, one per problem, so editors and grep can use file:line:col.
            errors.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (MLPipelines.Trainers.Training.NetworkTrainingException e)
        {
            // Training diverged on this data with these options; the message says which option to change.
            errors.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (OutOfMemoryException)
        {
            // The data checks refuse inputs that cannot fit before reading them; this is the last line of defence.
            errors.WriteLine("mlpipe ran out of memory: the data, or the models' options (e.g. network widths), need more memory than this machine has. Use fewer rows, columns or smaller models.");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is CommandParseException or CommandRuntimeException)
        {
            errors.WriteLine(e.Message);
            errors.WriteLine("Run 'mlpipe --help' for usage.");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            errors.WriteLine($"mlpipe failed: {e.GetType().Name}: {e.Message}");
            errors.WriteLine(Environment.GetEnvironmentVariable("MLPIPE_DEBUG") is { Length: > 0 }
                ? e.ToString()
                : "(set MLPIPE_DEBUG=1 for the stack trace)");
            return ExitCodes.Failure;
        }
        finally
        {
            if (handler is not null)
            {
                Console.CancelKeyPress -= handler;
            }
        }
    }

    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || (e.InnerException is { } inner && IsCancellation(inner));
}
