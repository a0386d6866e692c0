namespace MLPipelines.Core.Evaluation;

/// <summary>One training/test split: row indices into the dataset's labelled rows, disjoint, each sorted.</summary>
public sealed record FoldSplit(int Repeat, int Fold, int[] Train, int[] Test);
