namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>What one case did: exit code and everything printed, or that it did not finish in time.</summary>
internal sealed record FuzzOutcome(int ExitCode, string Output, bool TimedOut, TimeSpan Elapsed, long AllocatedBytes);
