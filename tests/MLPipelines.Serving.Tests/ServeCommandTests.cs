using System.Net;
using System.Net.Sockets;
using MLPipelines.Cli;

namespace MLPipelines.Serving.Tests;

[Collection(ServedRunsCollection.Name)]
public sealed class ServeCommandTests(ServedRuns runs)
{
    [Fact]
    public async Task Serve_RunFolder_AnswersOnLoopbackUntilCancelled()
    {
        // Given mlpipe serve on a free loopback port, started in-process
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var writer = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.No,
            Interactive = Spectre.Console.InteractionSupport.No,
            Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Synchronized(writer)),
        });
        var serving = Task.Run(() => CliApp.Run(["serve", runs.TelcoRun, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--model", "linear"], console, cancellation: stop.Token));

        // When it is asked for its health (retrying while it starts) and then cancelled
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        HttpStatusCode? status = null;
        string body = "";
        for (var attempt = 0; attempt < 600 && status is null; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("health");
                status = response.StatusCode;
                body = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                Assert.False(serving.IsCompleted, $"mlpipe serve stopped: {writer}");
                await Task.Delay(100);
            }
        }

        stop.Cancel();
        var code = await serving;

        // Then it answered with the chosen default model, printed its address, and exited 0
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"default_model\":\"linear\"", body, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"Serving 2 model(s) on http://127.0.0.1:{port}/", writer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nonexistent/run", "no such run folder or model zip")]
    [InlineData("", "no models/*.zip in this folder")]
    public void Serve_NothingToServe_ExitsTwoWithAMessage(string path, string message)
    {
        var target = path.Length == 0 ? runs.Folder : path;

        var (code, output) = ServedRuns.Mlpipe("serve", target, "--port", "0");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_HostThatIsNotAnAddress_ExitsTwo()
    {
        var (code, output) = ServedRuns.Mlpipe("serve", runs.TelcoRun, "--port", "0", "--host", "example.org");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--host 'example.org' is not an IP address", output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
