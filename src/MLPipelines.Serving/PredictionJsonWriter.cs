using System.Text.Json;
using MLPipelines.Core.Runs;

namespace MLPipelines.Serving;

/// <summary>
/// Writes a <see cref="PredictionBatch"/> as the <c>POST /predict</c> answer:
/// <c>{"model": NAME, "task": TASK, "predictions": [{"prediction": ..., "probability": ...}, ...]}</c>. A class is
/// named in the label's own terms; regression gives a number; binary adds the positive class's
/// <c>probability</c>, multiclass <c>probabilities</c> by class name. Numbers are written with round-trip
/// precision, the same digits as <c>mlpipe predict</c>'s CSV.
/// </summary>
internal static class PredictionJsonWriter
{
    public static void Write(Utf8JsonWriter json, ServedModel model, PredictionBatch batch)
    {
        json.WriteStartObject();
        json.WriteString("model", model.Name);
        json.WriteString("task", model.Task);
        if (batch.Classes.Count == 2 && batch.Rows.Count > 0 && batch.Rows[0].Probability is not null)
        {
            json.WriteString("positive_class", batch.Classes[1]);
        }

        json.WriteStartArray("predictions");
        foreach (var row in batch.Rows)
        {
            json.WriteStartObject();
            if (row.Value is { } value)
            {
                json.WritePropertyName("prediction");
                Number(json, value);
            }
            else
            {
                json.WriteString("prediction", row.Label);
            }

            if (row.Probability is { } p)
            {
                json.WritePropertyName("probability");
                Number(json, p);
            }
            else if (row.Probabilities is { } all)
            {
                json.WriteStartObject("probabilities");
                for (var k = 0; k < all.Count; k++)
                {
                    json.WritePropertyName(batch.Classes[k]);
                    Number(json, all[k]);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, float value)
    {
        if (float.IsFinite(value))
        {
            json.WriteRawValue(PredictionsCsvWriter.Number(value), skipInputValidation: true);
        }
        else
        {
            json.WriteNullValue(); // JSON has no NaN; a model that outputs one says "no prediction"
        }
    }
}
