namespace MLPipelines.Tuning.Strategies;

/// <summary>What a strategy says when asked for work.</summary>
public enum SearchStepKind
{
    /// <summary>Start the returned trial.</summary>
    Start,

    /// <summary>Nothing can start until a running trial reports (e.g. a rung must finish before promotions).</summary>
    Wait,

    /// <summary>The search is over (its trial budget is spent or the space is exhausted).</summary>
    Done,
}
