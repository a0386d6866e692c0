using Spectre.Console;

namespace MLPipelines.Cli.Tests;

/// <summary>Runs <c>mlpipe</c> in-process with a captured, non-interactive console.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output) Run(params string[] args) => Run(args, CancellationToken.None);

    public static (int ExitCode, string Output) Run(string[] args, CancellationToken cancellation)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var code = CliApp.Run(args, console, cancellation: cancellation);
        return (code, writer.ToString());
    }
}
