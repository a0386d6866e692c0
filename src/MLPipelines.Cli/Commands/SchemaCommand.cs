using MLPipelines.Spec;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary><c>mlpipe schema</c>: prints the JSON Schema of the pipeline format, trainer options included.</summary>
internal sealed class SchemaCommand(IAnsiConsole console) : Command<SchemaCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        console.Profile.Out.Writer.WriteLine(JsonSchemaWriter.ToJson(Infrastructure.Trainers.CreateRegistry()));
        return ExitCodes.Ok;
    }
}
