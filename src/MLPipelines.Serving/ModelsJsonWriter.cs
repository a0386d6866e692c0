using System.Text.Json;

namespace MLPipelines.Serving;

/// <summary>
/// <c>GET /models</c>: each model's name, trainer, task, label, classes, what it takes (input columns with their
/// type, or the image shape) and its mean metrics from the run's results.json.
/// </summary>
internal static class ModelsJsonWriter
{
    public static void Write(Utf8JsonWriter json, ModelCatalog catalog)
    {
        json.WriteStartObject();
        json.WriteString("default_model", catalog.Default.Name);
        json.WriteStartArray("models");
        foreach (var model in catalog.Models)
        {
            var metadata = model.Predictor.Metadata;
            json.WriteStartObject();
            json.WriteString("name", model.Name);
            json.WriteString("trainer", metadata?.Trainer ?? "");
            json.WriteString("task", model.Task);
            json.WriteString("label", metadata?.Label ?? "");
            json.WriteStartArray("classes");
            foreach (var name in metadata?.Classes ?? [])
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            if (model.Predictor.Image is { } image)
            {
                json.WriteStartObject("image");
                json.WriteNumber("channels", image.Channels);
                json.WriteNumber("height", image.Height);
                json.WriteNumber("width", image.Width);
                json.WriteEndObject();
            }
            else
            {
                json.WriteStartArray("inputs");
                foreach (var input in model.Predictor.Inputs)
                {
                    json.WriteStartObject();
                    json.WriteString("name", input.FileColumn);
                    json.WriteString("type", input.IsNumber ? "number" : "text");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("metrics");
            foreach (var (metric, mean) in model.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(metric, mean);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
