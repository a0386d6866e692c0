namespace MLPipelines.Tuning.Trials;

/// <summary>A point of an anytime curve: after <see cref="Seconds"/> on the budget clock and <see cref="Trials"/> finished trials, the best inner score was <see cref="BestScore"/>.</summary>
public sealed record AnytimePoint(double Seconds, int Trials, double BestScore, int BestTrial);
