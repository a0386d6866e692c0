namespace MLPipelines.Core.Runs;

/// <summary>One split unit of a run to execute: its store name (<c>m0-lightgbm/r0-f3</c>), model index, repeat and fold.</summary>
public sealed record UnitRequest(string Name, int ModelIndex, int Repeat, int Fold);
