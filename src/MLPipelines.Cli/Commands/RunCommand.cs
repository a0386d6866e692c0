using System.ComponentModel;
using MLPipelines.Cli.Display;
using MLPipelines.Cli.Infrastructure;
using MLPipelines.Cluster;
using MLPipelines.Core.Runs;
using MLPipelines.Spec;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary><c>mlpipe run SPEC [--out DIR | --resume DIR] [--seed N] [--quiet] [--force] [--cluster redis://HOST:PORT]</c>: runs a pipeline with a live progress display.</summary>
internal sealed class RunCommand(IAnsiConsole console) : Command<RunCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("Pipeline file (YAML).")]
        public string Spec { get; init; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("Write the run exactly here (default: runs/<UTC time>-<name>/).")]
        public string? Out { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Override evaluation.seed.")]
        public int? Seed { get; init; }

        [CommandOption("-q|--quiet")]
        [Description("No progress display; print only the run folder.")]
        public bool Quiet { get; init; }

        [CommandOption("--force")]
        [Description("Replace --out DIR if it exists and is not empty.")]
        public bool Force { get; init; }

        [CommandOption("--resume <DIR>")]
        [Description("Continue the run in DIR that was killed, failed or interrupted (same spec, data and seed): finished models and splits are reused. A run into the same --out resumes too.")]
        public string? Resume { get; init; }

        public override ValidationResult Validate() =>
            Resume is not null && Out is not null ? ValidationResult.Error("give --out DIR or --resume DIR, not both")
            : Resume is not null && Force ? ValidationResult.Error("--force starts over; it cannot be used with --resume")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var registry = Infrastructure.Trainers.CreateRegistry();
        var spec = new SpecLoader(registry).Load(settings.Spec);
        if (settings.Seed is { } seed)
        {
            spec = spec.WithSeed(seed);
        }

        DataChecks.CheckHeaders(spec);
        var options = new RunOptions
        {
            OutputDirectory = settings.Resume is { } resume ? RunFolder.ResumeTarget(resume) : settings.Out,
            Overwrite = settings.Force,
            ReportWriters = ReportWriters.ForRuns(),
        };
        using var cluster = settings.Address() is { } address ? ClusterUnitExecutor.Connect(address) : null;
        if (cluster is not null)
        {
            options = options with { Executor = cluster, Source = new SpecSource(Path.GetFullPath(settings.Spec), null, settings.Seed) };
        }

        var runner = new PipelineRunner(registry);
        RunOutcome outcome;
        if (settings.Quiet)
        {
            outcome = runner.Run(spec, options, null, cancellationToken);
            console.WriteLine(outcome.Directory);
            return ExitCodes.Ok;
        }

        console.MarkupLineInterpolated($"[bold]{spec.Name}[/]: {spec.Models.Count} model(s) from {settings.Spec}");
        outcome = RunProgressDisplay.Run(console, progress => runner.Run(spec, options, progress, cancellationToken));
        console.WriteLine();
        console.Write(Leaderboard.Create(outcome.Results));
        console.MarkupLineInterpolated($"Run folder: [green]{outcome.Directory}[/] ({outcome.Results.DurationSeconds:F1} s)");
        return ExitCodes.Ok;
    }
}
