using MLPipelines.Cli;
using Spectre.Console;

return CliApp.Run(args, AnsiConsole.Console, interactiveCancel: true, errors: Console.Error);
