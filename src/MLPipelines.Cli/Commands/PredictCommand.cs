using System.ComponentModel;
using MLPipelines.Core.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary><c>mlpipe predict --model ZIP --input CSV [--output CSV]</c>: scores a file with a saved model.</summary>
internal sealed class PredictCommand(IAnsiConsole console) : Command<PredictCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <ZIP>")]
        [Description("Model zip (models/NAME.zip of a run).")]
        public string Model { get; init; } = "";

        [CommandOption("-i|--input <CSV>")]
        [Description("Rows to score; columns matched by header name.")]
        public string Input { get; init; } = "";

        [CommandOption("-o|--output <CSV>")]
        [Description("Where to write predictions (default: standard output).")]
        public string? Output { get; init; }

        public override ValidationResult Validate() =>
            Model.Length == 0 ? ValidationResult.Error("--model ZIP is required")
            : Input.Length == 0 ? ValidationResult.Error("--input CSV is required")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var predictor = BatchPredictor.Load(settings.Model);
        if (settings.Output is null)
        {
            predictor.Predict(settings.Input, console.Profile.Out.Writer);
            return ExitCodes.Ok;
        }

        var temporary = settings.Output + ".partial";
        int rows;
        using (var writer = new StreamWriter(temporary))
        {
            rows = predictor.Predict(settings.Input, writer);
        }

        File.Move(temporary, settings.Output, overwrite: true);
        console.MarkupLineInterpolated($"Wrote {rows} prediction(s) to [green]{settings.Output}[/]");
        return ExitCodes.Ok;
    }
}
