using System.Globalization;
using System.Text;
using MLPipelines.Core.Evaluation;
using MLPipelines.Results;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Writes out-of-fold predictions (<c>predictions/MODEL.csv</c>): one line per test row of every split, with the
/// columns <see cref="PredictionColumns"/> describes: <c>row</c>, (images) <c>source</c>, <c>repeat</c>,
/// <c>fold</c>, <c>actual</c>, <c>predicted</c>, then binary <c>probability</c> (of the positive class) and
/// <c>score</c>; multiclass <c>probability_CLASS</c> per class; regression <c>score</c> (model scale, the log when
/// the label is log-transformed).
/// </summary>
public static class PredictionsCsvWriter
{
    internal static void Write(string path, IEvaluationData data, IReadOnlyList<(FoldSplit Split, ScoredRows Scored)> folds)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(folds);
        var label = data.Label;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var header = new List<string> { PredictionColumns.Row };
        if (data.HasSources)
        {
            header.Add(PredictionColumns.Source);
        }

        header.AddRange([PredictionColumns.Repeat, PredictionColumns.Fold, PredictionColumns.Actual, PredictionColumns.Predicted]);
        header.AddRange(label.Task switch
        {
            TaskKind.Binary => [PredictionColumns.Probability, PredictionColumns.Score],
            TaskKind.Multiclass => label.Classes.Select(PredictionColumns.ClassProbability),
            _ => [PredictionColumns.Score],
        });
        writer.WriteLine(string.Join(',', header.Select(Escape)));
        var line = new StringBuilder();
        foreach (var (split, scored) in folds)
        {
            for (var i = 0; i < split.Test.Length; i++)
            {
                var row = split.Test[i];
                line.Clear();
                line.Append(data.RowNumber(row)).Append(',');
                if (data.HasSources)
                {
                    line.Append(Escape(data.SourceOf(row) ?? "")).Append(',');
                }

                line.Append(split.Repeat).Append(',').Append(split.Fold).Append(',').Append(Escape(label.Original[row])).Append(',');
                switch (label.Task)
                {
                    case TaskKind.Binary:
                        line.Append(Escape(scored.PredictedPositive[i] ? label.PositiveClass! : label.NegativeClass!)).Append(',')
                            .Append(Number(scored.Probability[i])).Append(',').Append(Number(scored.Score[i]));
                        break;
                    case TaskKind.Multiclass:
                        var predicted = scored.PredictedClass[i];
                        line.Append(Escape(predicted >= 0 ? label.Classes[predicted] : ""));
                        foreach (var p in scored.ClassProbabilities[i])
                        {
                            line.Append(',').Append(Number(p));
                        }

                        break;
                    default:
                        line.Append(Number(scored.Prediction[i])).Append(',').Append(Number(scored.Score[i]));
                        break;
                }

                writer.WriteLine(line.ToString());
            }
        }
    }

    /// <summary>A CSV field, quoted when it holds a comma, quote or line break.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>A float in invariant round-trip form.</summary>
    public static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
