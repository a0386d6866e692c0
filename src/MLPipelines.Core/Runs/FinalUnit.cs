namespace MLPipelines.Core.Runs;

/// <summary>
/// A model's final fit, done: its zip is in the work folder (<c>models/NAME.zip</c>) with this SHA-256, written
/// before this unit, so a resumed run reuses the zip only when it is the one that was finished.
/// </summary>
internal sealed record FinalUnit(double FinalFitSeconds, string ModelSha256)
{
    public static string Name(int modelIndex, string model) => SplitUnit.ModelPrefix(modelIndex, model) + "final";
}
