using System.Text.Json;

namespace MLPipelines.Serving;

/// <summary>
/// <c>GET /openapi.json</c>: an OpenAPI 3.1 document of this server, written from the loaded models, so the
/// request schema of <c>POST /predict/{model}</c> lists each model's own input columns and types.
/// </summary>
internal static class OpenApiWriter
{
    public static void Write(Utf8JsonWriter json, ModelCatalog catalog, ServeOptions options)
    {
        json.WriteStartObject();
        json.WriteString("openapi", "3.1.0");
        json.WriteStartObject("info");
        json.WriteString("title", "mlpipe serve");
        json.WriteString("version", typeof(OpenApiWriter).Assembly.GetName().Version?.ToString() ?? "0");
        json.WriteString("description", $"Predictions from {catalog.Models.Count} MLPipelines model(s); POST /predict uses '{catalog.Default.Name}'. At most {options.MaxRows} rows and {options.MaxBodyBytes} bytes per request; errors are 400 with {{\"error\", \"field\"}}.");
        json.WriteEndObject();
        json.WriteStartObject("paths");
        Get(json, "/health", "Liveness: status and model count.");
        Get(json, "/models", "The models: task, classes, inputs or image shape, metrics.");
        json.WriteStartObject("/predict");
        Post(json, "Score rows (or images) with the default model.", catalog.Default.Name, withModelParameter: false, catalog, options);
        json.WriteEndObject();
        json.WriteStartObject("/predict/{model}");
        Post(json, "Score rows (or images) with the named model.", null, withModelParameter: true, catalog, options);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("components");
        json.WriteStartObject("schemas");
        foreach (var model in catalog.Models)
        {
            json.WriteStartObject(model.Name + ".row");
            RowSchema(json, model);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Get(Utf8JsonWriter json, string path, string summary)
    {
        json.WriteStartObject(path);
        json.WriteStartObject("get");
        json.WriteString("summary", summary);
        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteString("description", "JSON");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Post(Utf8JsonWriter json, string summary, string? model, bool withModelParameter, ModelCatalog catalog, ServeOptions options)
    {
        json.WriteStartObject("post");
        json.WriteString("summary", summary);
        if (withModelParameter)
        {
            json.WriteStartArray("parameters");
            json.WriteStartObject();
            json.WriteString("name", "model");
            json.WriteString("in", "path");
            json.WriteBoolean("required", true);
            json.WriteStartObject("schema");
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var m in catalog.Models)
            {
                json.WriteStringValue(m.Name);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        var models = model is null ? catalog.Models : [catalog.Get(model)];
        json.WriteStartObject("requestBody");
        json.WriteBoolean("required", true);
        json.WriteStartObject("content");
        json.WriteStartObject("application/json");
        json.WriteStartObject("schema");
        json.WriteString("type", "object");
        json.WriteStartArray("required");
        json.WriteStringValue("rows");
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteStartObject("rows");
        json.WriteString("type", "array");
        json.WriteNumber("minItems", 1);
        json.WriteNumber("maxItems", options.MaxRows);
        json.WriteStartObject("items");
        json.WriteStartArray("oneOf");
        foreach (var m in models)
        {
            json.WriteStartObject();
            json.WriteString("$ref", $"#/components/schemas/{m.Name}.row");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        if (models.Any(m => !m.IsImageModel))
        {
            json.WriteStartObject("text/csv");
            json.WriteStartObject("schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        if (models.Any(m => m.IsImageModel))
        {
            json.WriteStartObject("image/*");
            json.WriteStartObject("schema");
            json.WriteString("type", "string");
            json.WriteString("contentMediaType", "image/*");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteString("description", "{\"model\", \"task\", \"predictions\": [{\"prediction\", \"probability\" | \"probabilities\"}]}");
        json.WriteEndObject();
        json.WriteStartObject("400");
        json.WriteString("description", "{\"error\": message, \"field\": where}: the request is refused");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void RowSchema(Utf8JsonWriter json, ServedModel model)
    {
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        if (model.Predictor.Image is { } image)
        {
            var size = image.Channels * image.Height * image.Width;
            json.WriteStartObject("pixels");
            json.WriteString("type", "array");
            json.WriteNumber("minItems", size);
            json.WriteNumber("maxItems", size);
            json.WriteStartObject("items");
            json.WriteString("type", "number");
            json.WriteNumber("minimum", 0);
            json.WriteNumber("maximum", 1);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("image");
            json.WriteString("type", "string");
            json.WriteString("contentEncoding", "base64");
            json.WriteEndObject();
            json.WriteEndObject();
            return;
        }

        foreach (var input in model.Predictor.Inputs)
        {
            json.WriteStartObject(input.FileColumn);
            json.WriteStartArray("type");
            json.WriteStringValue(input.IsNumber ? "number" : "string");
            json.WriteStringValue("null");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("required");
        foreach (var input in model.Predictor.Inputs)
        {
            json.WriteStringValue(input.FileColumn);
        }

        json.WriteEndArray();
    }
}
