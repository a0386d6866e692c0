using System.ComponentModel;
using MLPipelines.Data;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary><c>mlpipe init CSV --label COL [--output FILE]</c>: prints (or writes) a starter pipeline.</summary>
internal sealed class InitCommand(IAnsiConsole console) : Command<InitCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<CSV>")]
        [Description("Data file (CSV/TSV with a header row).")]
        public string Csv { get; init; } = "";

        [CommandOption("-l|--label <COLUMN>")]
        [Description("Column to predict.")]
        public string Label { get; init; } = "";

        [CommandOption("-o|--output <FILE>")]
        [Description("Write the spec to FILE (data path made relative to it) instead of printing it.")]
        public string? Output { get; init; }

        public override ValidationResult Validate() =>
            Label.Length == 0 ? ValidationResult.Error("--label COLUMN is required") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var table = CsvTable.Read(settings.Csv);
        var labelIndex = table.IndexOf(settings.Label);
        if (labelIndex < 0)
        {
            throw DataFileException.File(settings.Csv, $"--label: column '{settings.Label}' is not in the header" +
                NameSuggester.DidYouMean(settings.Label, table.Header));
        }

        var schema = SchemaInferrer.Infer(table, new SchemaOverrides { Label = settings.Label }, MissingValueSet.Default);
        var label = LabelEncoder.Encode(table, labelIndex, null, LabelTransform.None, MissingValueSet.Default);
        var anchor = settings.Output is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(settings.Output))!;
        var dataPath = Path.GetRelativePath(anchor, Path.GetFullPath(settings.Csv)).Replace('\\', '/');
        var yaml = StarterSpec.Create(table, schema, label, dataPath, settings.Output is null
            ? "relative to the current folder: save the spec here, or use --output FILE to get a path relative to FILE"
            : "relative to this file");
        if (settings.Output is null)
        {
            console.Profile.Out.Writer.Write(yaml);
        }
        else
        {
            File.WriteAllText(settings.Output, yaml);
            console.MarkupLineInterpolated($"Wrote [green]{settings.Output}[/]; next: mlpipe run {settings.Output}");
        }

        return ExitCodes.Ok;
    }
}
