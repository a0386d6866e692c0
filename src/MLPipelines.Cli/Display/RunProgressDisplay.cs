using System.Diagnostics;
using System.Globalization;
using MLPipelines.Core.Runs;
using Spectre.Console;

namespace MLPipelines.Cli.Display;

/// <summary>
/// Shows a run's progress: on a terminal, one live bar per model (splits done, current split, last score,
/// elapsed time); otherwise (CI logs, pipes) one plain line per event.
/// </summary>
internal static class RunProgressDisplay
{
    public static RunOutcome Run(IAnsiConsole console, Func<IProgress<RunEvent>, RunOutcome> run)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var clock = Stopwatch.StartNew();
            return run(new Reporter(e => console.MarkupLine($"[grey]{clock.Elapsed.TotalSeconds,7:F1}s[/] {Markup.Escape(Plain(e))}")));
        }

        RunOutcome? outcome = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                outcome = run(new Reporter(e =>
                {
                    switch (e.Kind)
                    {
                        case RunEventKind.DataLoaded:
                        case RunEventKind.Warning:
                            console.MarkupLine(e.Kind == RunEventKind.Warning ? $"[yellow]warning:[/] {Markup.Escape(e.Message)}" : Markup.Escape(e.Message));
                            break;
                        case RunEventKind.ModelStarted:
                            tasks[e.Model!] = context.AddTask(Markup.Escape(e.Model!), maxValue: e.Splits + 1);
                            break;
                        case RunEventKind.SplitStarted when tasks.TryGetValue(e.Model!, out var task):
                            task.StartTask();
                            task.Description = $"{Markup.Escape(e.Model!)} [grey]split {e.Split}/{e.Splits}[/]";
                            break;
                        case RunEventKind.SplitFinished when tasks.TryGetValue(e.Model!, out var task):
                            task.Increment(1);
                            task.Description = $"{Markup.Escape(e.Model!)} [grey]split {e.Split}/{e.Splits} {e.Metric ?? "score"} {Value(e.Value)}[/]";
                            break;
                        case RunEventKind.FinalFitStarted when tasks.TryGetValue(e.Model!, out var task):
                            task.Description = $"{Markup.Escape(e.Model!)} [grey]final fit on all rows[/]";
                            break;
                        case RunEventKind.ModelFinished when tasks.TryGetValue(e.Model!, out var task):
                            task.Value = task.MaxValue;
                            task.Description = $"{Markup.Escape(e.Model!)} [green]{e.Metric ?? "score"} {Value(e.Value)}[/]";
                            task.StopTask();
                            break;
                    }
                }));
            });
        return outcome!;
    }

    private static string Plain(RunEvent e) => e.Kind switch
    {
        RunEventKind.SplitFinished => $"{e.Message}: {e.Metric} {Value(e.Value)}",
        RunEventKind.ModelFinished => $"{e.Model} finished: mean {e.Metric} {Value(e.Value)}",
        RunEventKind.Warning => "warning: " + e.Message,
        _ => e.Message,
    };

    private static string Value(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "-";

    /// <summary>Reports synchronously on the runner's thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
    private sealed class Reporter(Action<RunEvent> report) : IProgress<RunEvent>
    {
        public void Report(RunEvent value) => report(value);
    }
}
