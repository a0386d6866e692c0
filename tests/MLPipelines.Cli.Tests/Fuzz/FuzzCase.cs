namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>One generated input: the <c>mlpipe</c> arguments, and the spec file whose errors must carry file:line:col.</summary>
internal sealed record FuzzCase(string[] Args, string? SpecFile = null)
{
    public override string ToString() => "mlpipe " + string.Join(' ', Args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
}
