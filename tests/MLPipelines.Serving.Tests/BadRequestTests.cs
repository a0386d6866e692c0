using System.Net;
using System.Text;
using MLPipelines.Results.Csv;
using MLPipelines.Tests;

namespace MLPipelines.Serving.Tests;

/// <summary>
/// The catalogue of bad requests: each gets 400 with <c>{"error": MESSAGE}</c> that says what is wrong and where,
/// never a 500 or a stack trace, and the server keeps answering good requests afterwards.
/// </summary>
[Collection(ServedRunsCollection.Name)]
public sealed class BadRequestTests(ServedRuns runs)
{
    /// <summary>name, server (telco / images), path, content type, body, words the message must contain.</summary>
    public static TheoryData<string, string, string, string?, string, string> Catalogue()
    {
        var one = OneTelcoRow();
        var data = new TheoryData<string, string, string, string?, string, string>
        {
            { "empty body", "telco", "predict", "application/json", "", "request body is empty" },
            { "malformed JSON", "telco", "predict", "application/json", "{\"rows\": [{\"tenure\": 1,}]}", "not valid JSON (line 1" },
            { "NaN literal", "telco", "predict", "application/json", one.Replace("\"tenure\":1", "\"tenure\":NaN", StringComparison.Ordinal), "NaN and Infinity are not JSON numbers" },
            { "body not an object or array", "telco", "predict", "application/json", "42", "must be a JSON object {\"rows\": [...]} or an array of rows; got the number 42" },
            { "no rows key", "telco", "predict", "application/json", "{\"row\": []}", "no \"rows\" key (found 'row'" },
            { "rows not an array", "telco", "predict", "application/json", "{\"rows\": {\"tenure\": 1}}", "\"rows\" must be an array of row objects; got an object" },
            { "no rows", "telco", "predict", "application/json", "{\"rows\": []}", "\"rows\" is empty" },
            { "too many rows", "telco", "predict", "application/json", "{\"rows\": [" + string.Join(',', Enumerable.Repeat(Row(one), ServedRuns.MaxRows + 1)) + "]}", $"has {ServedRuns.MaxRows + 1} rows, more than this server scores in one request ({ServedRuns.MaxRows}" },
            { "row not an object", "telco", "predict", "application/json", "{\"rows\": [[1, 2, 3]]}", "rows[0]: a row must be an object" },
            { "missing column", "telco", "predict/lightgbm", "application/json", one.Replace("\"tenure\":1,", "\"tenur\":1,", StringComparison.Ordinal), "rows[0]: column 'tenure' is missing (the row has 'tenur'" },
            { "wrong type", "telco", "predict", "application/json", one.Replace("\"tenure\":1", "\"tenure\":\"12\"", StringComparison.Ordinal), "rows[0].tenure: expected a number or null (missing); got the string \"12\"" },
            { "NaN as a string", "telco", "predict", "application/json", one.Replace("\"tenure\":1", "\"tenure\":\"NaN\"", StringComparison.Ordinal), "rows[0].tenure: the string \"NaN\" is not allowed: numbers must be finite" },
            { "number beyond float", "telco", "predict", "application/json", one.Replace("\"tenure\":1", "\"tenure\":1e39", StringComparison.Ordinal), "rows[0].tenure: 1e39 is outside the range of a 32-bit float" },
            { "text column given an object", "telco", "predict", "application/json", one.Replace("\"contract\":\"Month-to-month\"", "\"contract\":{\"a\":1}", StringComparison.Ordinal), "rows[0].contract: expected a string, number, boolean or null" },
            { "duplicate column", "telco", "predict", "application/json", one.Replace("\"tenure\":1", "\"tenure\":1,\"tenure\":2", StringComparison.Ordinal), "rows[0]: column 'tenure' is given twice" },
            { "unknown column (strict)", "telco", "predict?strict=true", "application/json", one.Replace("\"churn\":\"No\",", "\"tenur\":3,", StringComparison.Ordinal), "rows[0]: unknown column 'tenur'; did you mean 'tenure'? Strict mode" },
            { "too large body", "telco", "predict", "application/json", "{\"rows\": [" + new string(' ', (int)ServedRuns.MaxBodyBytes) + "]}", $"more than this server takes ({ServedRuns.MaxBodyBytes} bytes" },
            { "no content type", "telco", "predict", null, one, "no Content-Type header; model" },
            { "wrong content type", "telco", "predict", "text/plain", one, "Content-Type 'text/plain' is not supported" },
            { "non-UTF-8 charset", "telco", "predict", "application/json; charset=iso-8859-1", one, "charset 'iso-8859-1' is not supported" },
            { "unknown model name", "telco", "predict/lightgmb", "application/json", one, "unknown model 'lightgmb'; did you mean 'lightgbm'? This server has: lightgbm, linear" },
            { "image sent to a table model", "telco", "predict", "image/png", "\u0089PNG", "scores table rows, not images" },
            { "CSV missing a column", "telco", "predict", "text/csv", "tenure,contract\n1,One year\n", "used by the model is not in the header" },
            { "CSV ragged row", "telco", "predict", "text/csv", "a,b\n1\n", "too few fields" },
            { "non-image bytes", "images", "predict", "image/png", "this is not a picture", "the body: not a recognised image" },
            { "CSV sent to an image model", "images", "predict", "text/csv", "a,b\n1,2\n", "scores images, not CSV rows" },
            { "pixels of the wrong size", "images", "predict", "application/json", "{\"rows\": [{\"pixels\": [0.5, 0.5]}]}", "rows[0].pixels: expected 784 numbers (a 1x28x28 image, channel-major); got 2" },
            { "pixel outside [0, 1]", "images", "predict", "application/json", "{\"rows\": [{\"pixels\": [" + string.Join(',', Enumerable.Repeat("0", 783)) + ",255]}]}", "rows[0].pixels[783]: 255 is outside [0, 1]" },
            { "image row with neither pixels nor image", "images", "predict", "application/json", "{\"rows\": [{\"tenure\": 1}]}", "rows[0]: an image model takes {\"pixels\"" },
            { "image not base64", "images", "predict", "application/json", "{\"rows\": [{\"image\": \"%%%\"}]}", "rows[0].image: expected an image file as a base64 string" },
        };
        return data;
    }

    [Fact]
    public void Catalogue_HasAtLeastTwelveKinds() => Assert.True(Catalogue().Count >= 12);

    [Theory]
    [MemberData(nameof(Catalogue))]
    public async Task Predict_BadRequest_400WithAClearMessage(string name, string server, string path, string? contentType, string body, string message)
    {
        // Given the bad request (strict mode is asked per request with ?strict=true)
        var client = server == "telco" ? runs.Telco : runs.Images;

        // When it is posted
        var (status, json) = await Http.PostAsync(client, path, Encoding.UTF8.GetBytes(body), contentType);

        // Then 400 with the message, and the server still answers a good request
        Assert.True(status == HttpStatusCode.BadRequest, $"{name}: {(int)status} {json}");
        var error = json.GetProperty("error").GetString()!;
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        if (server == "telco")
        {
            Assert.Equal(HttpStatusCode.OK, (await Http.PostJsonAsync(runs.Telco, "predict", OneTelcoRow())).Status);
        }
    }

    [Fact]
    public async Task Predict_OversizeImage_RefusedFromItsHeaderBeforeDecoding()
    {
        // Given a PNG of 300x300 pixels, more than the server's 256x256 limit
        var file = ImageFiles.WritePng(Path.Combine(runs.Folder, "huge.png"), ImageFiles.Filled(300 * 300, 7), 300, 300, 1);

        // When it is posted
        var (status, json) = await Http.PostAsync(runs.Images, "predict", File.ReadAllBytes(file), "image/png");

        // Then 400 saying how large it is and the limit
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"the image is 300x300 pixels, more than this server decodes ({ServedRuns.MaxImagePixels} pixels", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_ChunkedBodyOverTheLimit_400WithoutALength()
    {
        // Given a body sent in chunks (no Content-Length), larger than the server's limit
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"rows\": [" + new string(' ', (int)ServedRuns.MaxBodyBytes * 2) + "]}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "predict") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        // When it is posted
        using var response = await runs.Telco.SendAsync(request);

        // Then 400: the body is more than the limit
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"the body is more than this server takes ({ServedRuns.MaxBodyBytes} bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEndpoint_404ListsTheEndpoints()
    {
        var (status, json) = await Http.GetAsync(runs.Telco, "predictions");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("POST /predict", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The first telco row as <c>{"rows": [{...}]}</c>, compact (<c>"tenure":1</c>).</summary>
    private static string OneTelcoRow() => PredictTests.RowsJson(CsvTable.Read(TestPaths.Dataset("telco_churn.csv")), 0, 1);

    private static string Row(string body) => body["{\"rows\": [".Length..^"]}".Length];
}
