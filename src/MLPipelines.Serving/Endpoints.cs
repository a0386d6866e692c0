using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using MLPipelines.Core.Runs;
using MLPipelines.Results.Csv;

namespace MLPipelines.Serving;

/// <summary>The routes of <see cref="ModelServer"/> and the one place where exceptions become status codes.</summary>
internal sealed class Endpoints(ModelCatalog catalog, ServeOptions options, Action<string>? log)
{
    private const string Usage = "endpoints: GET /health, GET /models, GET /openapi.json, POST /predict, POST /predict/{model}";

    private enum BodyKind
    {
        Json,
        Csv,
        Image,
    }

    public void Map(WebApplication app)
    {
        app.MapGet("/health", (HttpContext http) => Handle(http, json =>
        {
            json.WriteStartObject();
            json.WriteString("status", "ok");
            json.WriteNumber("models", catalog.Models.Count);
            json.WriteString("default_model", catalog.Default.Name);
            json.WriteEndObject();
            return Task.CompletedTask;
        }));
        app.MapGet("/models", (HttpContext http) => Handle(http, json =>
        {
            ModelsJsonWriter.Write(json, catalog);
            return Task.CompletedTask;
        }));
        app.MapGet("/openapi.json", (HttpContext http) => Handle(http, json =>
        {
            OpenApiWriter.Write(json, catalog, options);
            return Task.CompletedTask;
        }));
        app.MapPost("/predict", (HttpContext http) => Handle(http, json => PredictAsync(http, catalog.Default, json)));
        app.MapPost("/predict/{model}", (HttpContext http, string model) => Handle(http, json => PredictAsync(http, catalog.Get(model), json)));
        app.MapFallback((HttpContext http) => Fail(http, StatusCodes.Status404NotFound,
            $"no endpoint {http.Request.Method} {http.Request.Path}; {Usage}", null));
    }

    private async Task PredictAsync(HttpContext http, ServedModel model, Utf8JsonWriter json)
    {
        var kind = KindOf(http.Request.ContentType, model);
        var body = await ReadBodyAsync(http.Request).ConfigureAwait(false);
        if (body.Length == 0)
        {
            throw new BadRequestException(model.IsImageModel
                ? "the request body is empty; send an image file (Content-Type: image/png, ...) or {\"rows\": [{\"pixels\": [...]}]}"
                : "the request body is empty; send {\"rows\": [{\"column\": value, ...}, ...]}");
        }

        PredictionBatch batch;
        switch (kind)
        {
            case BodyKind.Image:
                batch = model.Predictor.PredictPixels(ImageRequest.FromFile(body, model.Predictor.Image!, options.MaxImagePixels), 1);
                break;
            case BodyKind.Csv:
                var table = CsvTable.Parse(new StringReader(Encoding.UTF8.GetString(body)), "request body");
                if (table.RowCount > options.MaxRows)
                {
                    throw new BadRequestException($"the CSV body has {table.RowCount} rows, more than this server scores in one request ({options.MaxRows}, --max-rows); split the batch");
                }

                batch = model.Predictor.Predict(table);
                break;
            default:
                var (document, rows) = JsonRows.Parse(body, options.MaxRows);
                using (document)
                {
                    batch = model.IsImageModel
                        ? model.Predictor.PredictPixels(ImageRequest.FromRows(rows, model.Predictor.Image!, options.MaxImagePixels), rows.Count)
                        : model.Predictor.Predict(TabularRequest.Read(rows, model.Predictor.Inputs, Strict(http.Request)));
                }

                break;
        }

        PredictionJsonWriter.Write(json, model, batch);
    }

    /// <summary>Strict mode: the server's option, or <c>?strict=true</c> on the request.</summary>
    private bool Strict(HttpRequest request) =>
        options.Strict || string.Equals(request.Query["strict"], "true", StringComparison.OrdinalIgnoreCase);

    private static BodyKind KindOf(string? contentType, ServedModel model)
    {
        var accepted = model.IsImageModel
            ? "application/json ({\"rows\": [{\"pixels\": [...]}]} or [{\"image\": BASE64}]) or an image file (image/png, image/jpeg, image/bmp, image/gif, application/octet-stream)"
            : "application/json ({\"rows\": [{\"column\": value, ...}]}) or text/csv (a header row, then rows)";
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var header))
        {
            throw new BadRequestException($"{(string.IsNullOrWhiteSpace(contentType) ? "no Content-Type header" : $"Content-Type '{contentType}' cannot be read")}; model '{model.Name}' takes {accepted}");
        }

        if (header.Charset.HasValue && !header.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequestException($"charset '{header.Charset}' is not supported; send UTF-8 text");
        }

        var media = header.MediaType.Value!.ToLowerInvariant();
        var kind = media switch
        {
            "application/json" => BodyKind.Json,
            "text/csv" => BodyKind.Csv,
            "application/octet-stream" => BodyKind.Image,
            _ when media.StartsWith("image/", StringComparison.Ordinal) => BodyKind.Image,
            _ => throw new BadRequestException($"Content-Type '{media}' is not supported; model '{model.Name}' takes {accepted}"),
        };
        if (kind == BodyKind.Image && !model.IsImageModel)
        {
            throw new BadRequestException($"model '{model.Name}' scores table rows, not images ({media}); it takes {accepted}");
        }

        if (kind == BodyKind.Csv && model.IsImageModel)
        {
            throw new BadRequestException($"model '{model.Name}' scores images, not CSV rows; it takes {accepted}");
        }

        return kind;
    }

    private async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > options.MaxBodyBytes)
        {
            throw TooLarge($"{request.ContentLength} bytes, ");
        }

        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge("");
        }

        return buffer.ToArray();
    }

    /// <summary>The body is over the limit; <paramref name="size"/> is "N bytes, " when the request said its length.</summary>
    private BadRequestException TooLarge(string size) =>
        new($"the body is {size}more than this server takes ({options.MaxBodyBytes} bytes, --max-body-bytes); split the batch");

    private async Task Handle(HttpContext http, Func<Utf8JsonWriter, Task> respond)
    {
        var output = new ArrayBufferWriter<byte>();
        try
        {
            await using (var json = new Utf8JsonWriter(output))
            {
                await respond(json).ConfigureAwait(false);
            }
        }
        catch (BadRequestException e)
        {
            await Fail(http, StatusCodes.Status400BadRequest, e.Message, e.Field).ConfigureAwait(false);
            return;
        }
        catch (DataFileException e)
        {
            // CSV bodies and model-input checks report in the file-reading terms (the "file" is the request body).
            await Fail(http, StatusCodes.Status400BadRequest, e.Message, null).ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException e)
        {
            await Fail(http, e.StatusCode, e.Message, null).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log?.Invoke($"{http.Request.Method} {http.Request.Path}: {e}");
            await Fail(http, StatusCodes.Status500InternalServerError, $"internal error ({e.GetType().Name}); the server's log has the details", null).ConfigureAwait(false);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(output.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task Fail(HttpContext http, int status, string message, string? field)
    {
        var output = new ArrayBufferWriter<byte>();
        await using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            if (field is not null)
            {
                json.WriteString("field", field);
            }

            json.WriteEndObject();
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(output.WrittenMemory).ConfigureAwait(false);
    }
}
