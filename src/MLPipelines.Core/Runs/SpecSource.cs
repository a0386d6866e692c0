namespace MLPipelines.Core.Runs;

/// <summary>
/// Where a worker finds the spec of a run by itself: a pipeline file, or one dataset of an experiment file, with the
/// <c>--seed</c> override. Paths are absolute; the files (and the data they name) must be readable at the same path
/// on every worker (shared storage).
/// </summary>
/// <param name="Path">Absolute path of the pipeline or experiment file.</param>
/// <param name="Dataset">The dataset's name in the experiment file; null for a pipeline file.</param>
/// <param name="Seed">The <c>--seed</c> given on the command line, if any.</param>
public sealed record SpecSource(string Path, string? Dataset, int? Seed);
