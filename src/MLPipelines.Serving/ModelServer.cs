using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MLPipelines.Serving;

/// <summary>
/// An HTTP server (ASP.NET Core minimal API on Kestrel) for the models of a <see cref="ModelCatalog"/>:
/// <c>POST /predict</c> and <c>POST /predict/{model}</c> score JSON rows, a CSV body or an image file;
/// <c>GET /health</c>, <c>GET /models</c> (inputs, classes, metrics) and <c>GET /openapi.json</c> describe it.
/// Each request is scored as one batch on the shared, thread-safe model. A bad request gets 400 and
/// <c>{"error": MESSAGE, "field": FIELD}</c>; nothing answers with a stack trace.
/// </summary>
public sealed class ModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ModelServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:5000/</c> (the real port when 0 was asked).</summary>
    public Uri Address { get; }

    /// <summary>Builds the server for <paramref name="catalog"/> and starts listening.</summary>
    /// <param name="log">Where to report requests that failed with a server error (500); null = nowhere.</param>
    /// <exception cref="ServeException">The host is not an address, or the port cannot be bound.</exception>
    public static async Task<ModelServer> StartAsync(ModelCatalog catalog, ServeOptions options, Action<string>? log = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        var address = ParseHost(options.Host);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Listen(address, options.Port);
        });
        var app = builder.Build();
        var endpoints = new Endpoints(catalog, options, log);
        endpoints.Map(app);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ServeException($"cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ModelServer(app, new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal) + "/"));
    }

    /// <summary>
    /// Completes when the server stops: when <paramref name="cancellation"/> fires (Ctrl+C in the CLI), or the host is
    /// told to stop (SIGTERM), or <see cref="StopAsync"/> is called; it then stops the server.
    /// </summary>
    public async Task WaitAsync(CancellationToken cancellation)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        await StopAsync().ConfigureAwait(false);
    }

    /// <summary>Stops listening; requests in flight are given a few seconds to finish.</summary>
    public async Task StopAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IPAddress ParseHost(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address)
            ? address
            : throw new ServeException($"--host '{host}' is not an IP address; use 127.0.0.1 (this machine only, the default), ::1, or 0.0.0.0 (every interface)");
    }
}
