using System.ComponentModel;
using MLPipelines.Cli.Infrastructure;
using MLPipelines.Spec;
using MLPipelines.Spec.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary>
/// <c>mlpipe validate FILE</c>: a pipeline or an experiment file (one with <c>datasets:</c>): one OK line (exit 0) or
/// every problem as <c>file:line:col: key: message</c> (exit 2).
/// </summary>
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
        if (ExperimentLoader.IsExperimentFile(settings.Spec))
        {
            var experiment = new ExperimentLoader(Infrastructure.Trainers.CreateRegistry()).Load(settings.Spec);
            var described = experiment.Datasets.Select(d => $"{d.Name} ({DataChecks.CheckHeaders(d.Pipeline)})").ToList();
            console.MarkupLineInterpolated(
                $"[green]OK[/] {settings.Spec}: experiment '{experiment.Name}', {experiment.Models.Count} model(s) on {experiment.Datasets.Count} dataset(s): {string.Join("; ", described)}");
            return ExitCodes.Ok;
        }

        var spec = new SpecLoader(Infrastructure.Trainers.CreateRegistry()).Load(settings.Spec);
        var data = DataChecks.CheckHeaders(spec);
        console.MarkupLineInterpolated($"[green]OK[/] {settings.Spec}: '{spec.Name}', {spec.Models.Count} model(s), data {data}");
        return ExitCodes.Ok;
    }
}
