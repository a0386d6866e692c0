using MLPipelines.Results;

namespace MLPipelines.Core.Runs;

/// <summary>The features permutation importance shuffles one at a time, with their names and, for images, the block grid.</summary>
/// <param name="Names">One name per unit (a column name, or <c>block rR cC</c>).</param>
/// <param name="Unit"><c>columns</c> or <c>image_blocks</c> (results.json <c>feature_importance.unit</c>).</param>
/// <param name="Grid">Image blocks only: the grid; null for columns.</param>
internal sealed record ImportanceUnits(IReadOnlyList<string> Names, string Unit, ImportanceGridResult? Grid);
