using System.ComponentModel;
using System.Net;
using MLPipelines.Serving;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary>
/// <c>mlpipe serve RUN_DIR|MODEL_ZIP [--port N] [--host ADDRESS]</c>: serves saved models over HTTP
/// (<see cref="ModelServer"/>) until Ctrl+C. Binds to loopback unless told otherwise.
/// </summary>
internal sealed class ServeCommand(IAnsiConsole console) : Command<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN_DIR|MODEL_ZIP>")]
        [Description("A run folder (serves every models/*.zip) or one model zip.")]
        public string Path { get; init; } = "";

        [CommandOption("-p|--port <N>")]
        [Description("TCP port (default 5000; 0 picks a free one).")]
        public int Port { get; init; } = 5000;

        [CommandOption("--host <ADDRESS>")]
        [Description("Address to bind (default 127.0.0.1: this machine only; 0.0.0.0 for every interface, no authentication).")]
        public string Host { get; init; } = "127.0.0.1";

        [CommandOption("--model <NAME>")]
        [Description("The model POST /predict scores (default: the only one, or the run's best by its primary metric).")]
        public string? Model { get; init; }

        [CommandOption("--max-rows <N>")]
        [Description("Most rows (or images) per request (default 10000).")]
        public int MaxRows { get; init; } = 10_000;

        [CommandOption("--max-body-bytes <N>")]
        [Description("Largest request body in bytes (default 8388608, 8 MiB).")]
        public long MaxBodyBytes { get; init; } = 8L << 20;

        [CommandOption("--max-image-pixels <N>")]
        [Description("Largest image decoded, in pixels (default 16777216, 4096x4096).")]
        public long MaxImagePixels { get; init; } = 4096L * 4096;

        [CommandOption("--strict")]
        [Description("Refuse row fields that are not model inputs (default: ignore them, like the label column).")]
        public bool Strict { get; init; }

        public override ValidationResult Validate() =>
            Port is < 0 or > 65535 ? ValidationResult.Error($"--port {Port} is not a TCP port (0-65535)")
            : MaxRows < 1 ? ValidationResult.Error("--max-rows must be at least 1")
            : MaxBodyBytes < 1 ? ValidationResult.Error("--max-body-bytes must be at least 1")
            : MaxImagePixels < 1 ? ValidationResult.Error("--max-image-pixels must be at least 1")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = ModelCatalog.Load(settings.Path, settings.Model);
        var options = new ServeOptions
        {
            Host = settings.Host,
            Port = settings.Port,
            DefaultModel = settings.Model,
            MaxRows = settings.MaxRows,
            MaxBodyBytes = settings.MaxBodyBytes,
            MaxImagePixels = settings.MaxImagePixels,
            Strict = settings.Strict,
        };
        var errors = Console.Error;
        var server = ModelServer.StartAsync(catalog, options, message => errors.WriteLine(message), cancellationToken).GetAwaiter().GetResult();
        try
        {
            foreach (var model in catalog.Models)
            {
                var what = model.IsImageModel ? $"images {model.Predictor.Image}" : $"{model.Predictor.Inputs.Count} input column(s)";
                var mark = model == catalog.Default ? " [green]default[/]" : "";
                console.MarkupLine($"  [bold]{Markup.Escape(model.Name)}[/] ({Markup.Escape($"{model.Task}, {what}")}){mark}");
            }

            if (IPAddress.TryParse(settings.Host.Trim('[', ']'), out var address) && !IPAddress.IsLoopback(address))
            {
                console.MarkupLine("[yellow]Warning:[/] listening beyond this machine; the server has no authentication.");
            }

            console.MarkupLineInterpolated($"Serving {catalog.Models.Count} model(s) on [green]{server.Address}[/] (POST {server.Address}predict, GET {server.Address}models). Ctrl+C stops.");
            server.WaitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        console.MarkupLine("Stopped.");
        return ExitCodes.Ok;
    }
}
