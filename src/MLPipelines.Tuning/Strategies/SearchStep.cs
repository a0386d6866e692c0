namespace MLPipelines.Tuning.Strategies;

/// <summary>A strategy's answer: start <see cref="Request"/>, wait, or stop.</summary>
public readonly record struct SearchStep(SearchStepKind Kind, TrialRequest? Request)
{
    public static SearchStep Wait => new(SearchStepKind.Wait, null);

    public static SearchStep Done => new(SearchStepKind.Done, null);

    public static SearchStep Start(TrialRequest request) => new(SearchStepKind.Start, request);
}
