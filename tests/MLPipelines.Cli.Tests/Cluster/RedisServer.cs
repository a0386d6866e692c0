using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MLPipelines.Cli.Tests.Cluster;

/// <summary>A real <c>redis-server</c> on a free loopback port, nothing saved to disk, stopped on dispose.</summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process _process;

    public RedisServer()
    {
        Port = FreePort();
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("redis-server is not installed"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        while (!Answers(Port))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10) || _process.HasExited)
            {
                throw new InvalidOperationException($"redis-server did not start on port {Port}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Path of <c>redis-server</c>, or null when it is not installed.</summary>
    public static string? Executable { get; } = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The keys matching <paramref name="pattern"/> (<c>KEYS</c>; the test server holds few).</summary>
    public IReadOnlyList<string> Keys(string pattern)
    {
        using var reader = Send($"KEYS {pattern}");
        var count = int.Parse(reader.ReadLine()![1..], System.Globalization.CultureInfo.InvariantCulture);
        var keys = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            reader.ReadLine(); // $length
            keys.Add(reader.ReadLine()!);
        }

        return keys;
    }

    /// <summary>The string value of <paramref name="key"/>, or null.</summary>
    public string? Get(string key)
    {
        using var reader = Send($"GET {key}");
        return reader.ReadLine() is ['$', '-', ..] ? null : reader.ReadLine();
    }

    /// <summary>Deletes <paramref name="keys"/>.</summary>
    public void Delete(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            using var reader = Send($"DEL {key}");
            reader.ReadLine();
        }
    }

    private StreamReader Send(string command)
    {
        var client = new TcpClient();
        client.Connect(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        stream.Write(System.Text.Encoding.ASCII.GetBytes(command + "\r\n"));
        return new StreamReader(stream, System.Text.Encoding.ASCII, false, 4096, leaveOpen: false);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            using var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            return stream.Read(buffer) > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
