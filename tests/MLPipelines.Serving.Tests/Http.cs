using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MLPipelines.Serving.Tests;

/// <summary>Request helpers: a POST with a given content type and raw body, answered with its status and JSON.</summary>
internal static class Http
{
    public static async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(HttpClient client, string path, byte[] body, string? contentType)
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.PostAsync(path, content);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public static Task<(HttpStatusCode Status, JsonElement Json)> PostJsonAsync(HttpClient client, string path, string json) =>
        PostAsync(client, path, Encoding.UTF8.GetBytes(json), "application/json");

    public static async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{(int)response.StatusCode} answered with {response.Content.Headers.ContentType}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
