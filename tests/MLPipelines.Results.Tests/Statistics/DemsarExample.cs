using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

/// <summary>Demšar (2006), Table 6: AUC of four C4.5 variants on 14 UCI datasets (also bench/stats/fixtures).</summary>
internal static class DemsarExample
{
    public static readonly string[] Models = ["C4.5", "C4.5+m", "C4.5+cf", "C4.5+m+cf"];

    public static ScoreMatrix Table6(double votingCf = 0.975)
    {
        double[][] values =
        [
            [0.763, 0.768, 0.771, 0.798], [0.599, 0.591, 0.590, 0.569], [0.954, 0.971, 0.968, 0.967],
            [0.628, 0.661, 0.654, 0.657], [0.882, 0.888, 0.886, 0.898], [0.936, 0.931, 0.916, 0.931],
            [0.661, 0.668, 0.609, 0.685], [0.583, 0.583, 0.563, 0.625], [0.775, 0.838, 0.866, 0.875],
            [1.000, 1.000, 1.000, 1.000], [0.940, 0.962, 0.965, 0.962], [0.619, 0.666, 0.614, 0.669],
            [0.972, 0.981, votingCf, 0.975], [0.957, 0.978, 0.946, 0.970],
        ];
        string[] datasets =
        [
            "adult (sample)", "breast cancer", "breast cancer wisconsin", "cmc", "ionosphere", "iris", "liver disorders",
            "lung cancer", "lymphography", "mushroom", "primary tumor", "rheum", "voting", "wine",
        ];
        return new ScoreMatrix(Models, datasets, values);
    }

    /// <summary>
    /// The paper's average ranks (3.143, 2.000, 2.893, 1.964) rank C4.5+cf above C4.5+m+cf on voting although
    /// both read 0.975; nudging C4.5+cf up by 1e-5 reproduces them, and with them the paper's statistics.
    /// </summary>
    public static ScoreMatrix AsRankedInThePaper() => Table6(votingCf: 0.97501);
}
