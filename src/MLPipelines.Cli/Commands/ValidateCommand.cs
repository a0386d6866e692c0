using System.ComponentModel;
using MLPipelines.Core.Data;
using MLPipelines.Core.Spec;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary><c>mlpipe validate SPEC</c>: one OK line (exit 0) or every problem as <c>file:line:col: key: message</c> (exit 2).</summary>
internal sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("Pipeline file (YAML).")]
        public string Spec { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = new SpecLoader(Infrastructure.Trainers.CreateRegistry()).Load(settings.Spec);
        DatasetLoader.CheckHeader(spec);
        console.MarkupLineInterpolated(
            $"[green]OK[/] {settings.Spec}: '{spec.Name}', {spec.Models.Count} model(s), data {DatasetLoader.DisplayPath(spec.Data.Path)} (label '{spec.Data.Label}')");
        return ExitCodes.Ok;
    }
}
