using System.ComponentModel;
using MLPipelines.Cluster;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary>
/// <c>mlpipe worker --cluster redis://HOST:PORT [--host IP] [--cores N]</c>: joins the cluster as an Orleans silo
/// and executes units of runs and experiments submitted with <c>--cluster</c>, until Ctrl+C or SIGTERM.
/// </summary>
internal sealed class WorkerCommand(IAnsiConsole console) : Command<WorkerCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandOption("--host <IP>")]
        [Description("Address to listen on and announce: 127.0.0.1 (default) or this machine's private interface. Never a public one: workers trust their cluster.")]
        public string Host { get; init; } = "127.0.0.1";

        [CommandOption("--port <N>")]
        [Description("Port for other workers (default: a free port).")]
        public int Port { get; init; }

        [CommandOption("--gateway-port <N>")]
        [Description("Port clients submit units on (default: a free port).")]
        public int GatewayPort { get; init; }

        [CommandOption("--cores <N>")]
        [Description("Cores to advertise and fill: threads x concurrent units <= N. Default: all of this machine's.")]
        public int? Cores { get; init; }

        public override ValidationResult Validate() =>
            Cluster is null ? ValidationResult.Error("give --cluster redis://HOST:PORT: the Redis server of the cluster to join")
            : Port is < 0 or > 65535 || GatewayPort is < 0 or > 65535 ? ValidationResult.Error("--port and --gateway-port must be 0-65535")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var address = settings.Address()!;
        var options = new WorkerOptions
        {
            Host = settings.Host,
            SiloPort = settings.Port,
            GatewayPort = settings.GatewayPort,
            Cores = settings.Cores ?? Environment.ProcessorCount,
        };
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stopping.Cancel();
        });
        ClusterWorker.RunAsync(address, options, Infrastructure.Trainers.CreateRegistry(), line => console.WriteLine(line), stopping.Token).GetAwaiter().GetResult();
        console.WriteLine("worker stopped");
        return ExitCodes.Ok;
    }
}
