using System.ComponentModel;
using System.Globalization;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary><c>mlpipe describe CSV [--label COL]</c>: the inferred schema with a summary of each column.</summary>
internal sealed class DescribeCommand(IAnsiConsole console) : Command<DescribeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<CSV>")]
        [Description("Data file (CSV/TSV with a header row).")]
        public string Csv { get; init; } = "";

        [CommandOption("-l|--label <COLUMN>")]
        [Description("Also describe this column as the label (task, classes).")]
        public string? Label { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var table = CsvTable.Read(settings.Csv);
        if (settings.Label is { } name && table.IndexOf(name) < 0)
        {
            throw DataFileException.File(settings.Csv, $"--label: column '{name}' is not in the header" + NameSuggester.DidYouMean(name, table.Header));
        }

        var schema = SchemaInferrer.Infer(table, new SchemaOverrides { Label = settings.Label }, MissingValueSet.Default);
        console.MarkupLineInterpolated($"[bold]{table.Path}[/]: {table.RowCount} rows, {table.Header.Count} columns, separator '{(table.Separator == '\t' ? "\\t" : table.Separator.ToString())}'");
        var grid = new Table().Border(TableBorder.Rounded)
            .AddColumns("column", "kind", "missing", "distinct", "summary", "why");
        foreach (var column in schema.Columns)
        {
            grid.AddRow(
                Markup.Escape(column.Name),
                Kind(column.Kind),
                column.Missing == 0 ? "0" : $"{column.Missing} ({100.0 * column.Missing / table.RowCount:F1}%)",
                column.Distinct.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Summary(column)),
                Markup.Escape(column.Reason));
        }

        console.Write(grid);
        foreach (var warning in schema.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        if (settings.Label is not null)
        {
            var label = LabelEncoder.Encode(table, table.IndexOf(settings.Label), null, LabelTransform.None, MissingValueSet.Default);
            console.MarkupLineInterpolated($"label [bold]{settings.Label}[/]: {label.Task.ToString().ToLowerInvariant()} ({label.TaskReason})");
            if (label.Task != TaskKind.Regression)
            {
                var counts = label.Classes.Select((c, k) => $"{c}: {label.ClassIndex.Count(i => i == k)}");
                console.MarkupLineInterpolated($"  classes: {string.Join(", ", counts)}");
            }

            if (label.DroppedMissing > 0)
            {
                console.MarkupLineInterpolated($"  {label.DroppedMissing} row(s) have no label and would be dropped");
            }
        }

        return ExitCodes.Ok;
    }

    private static string Kind(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "[blue]numeric[/]",
        ColumnKind.Categorical => "[magenta]categorical[/]",
        ColumnKind.Boolean => "[cyan]boolean[/]",
        ColumnKind.Label => "[bold green]label[/]",
        _ => $"[grey]{kind.ToString().ToLowerInvariant()}[/]",
    };

    private static string Summary(ColumnInfo column)
    {
        if (column.Range is { } r && column.Kind is ColumnKind.Numeric or ColumnKind.Label or ColumnKind.Boolean)
        {
            return string.Create(CultureInfo.InvariantCulture, $"min {r.Min:G4}, mean {r.Mean:G4}, max {r.Max:G4}");
        }

        return string.Join(", ", column.Top.Take(3).Select(t => $"{Shorten(t.Value)} ({t.Count})")) + (column.Distinct > 3 ? ", ..." : "");
    }

    private static string Shorten(string value) => value.Length > 24 ? value[..21] + "..." : value;
}
