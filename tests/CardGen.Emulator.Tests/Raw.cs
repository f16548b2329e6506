using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests;

/// <summary>A raw HTTP answer: status, headers and the body parsed as JSON when it is JSON.</summary>
internal sealed record RawAnswer(int Status, HttpResponseMessage Response, string Text)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public string? Str(string name) => Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string[] Validation()
    {
        if (!Json.TryGetProperty("validation", out var value))
        {
            return Array.Empty<string>();
        }

        var list = new string[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            list[i++] = item.GetString()!;
        }

        return list;
    }
}

/// <summary>Plain HTTP over loopback, without the CardGen client, to see exactly what the emulator answers.</summary>
internal static class Raw
{
    public static HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public static Task<RawAnswer> PostAsync(Uri uri, string body, string? contentType = "application/json", CancellationToken cancellationToken = default)
        => PostAsync(uri, Encoding.UTF8.GetBytes(body), contentType, cancellationToken);

    public static async Task<RawAnswer> PostAsync(Uri uri, byte[] body, string? contentType = "application/json", CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        return await SendAsync(request, cancellationToken);
    }

    public static async Task<RawAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new RawAnswer((int)response.StatusCode, response, text);
    }

    public static async Task<RawAnswer> SendAsync(HttpMethod method, Uri uri, string? bearer = null, string? json = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await SendAsync(request);
    }

    public static Uri V2(this HookEmulator emulator, string id) => new(emulator.BaseAddress, "webhook/v2/" + id);

    public static Uri V1(this HookEmulator emulator, string id) => new(emulator.BaseAddress, "webhook/" + id);

    public static Uri At(this HookEmulator emulator, string path) => new(emulator.BaseAddress, path);

    /// <summary>A valid Adaptive Card for RingCentral (1.3), as an attachment object.</summary>
    public const string Card = """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.3","fallbackText":"Deploy OK","body":[{"type":"TextBlock","text":"Deploy OK","wrap":true,"weight":"Bolder"},{"type":"FactSet","facts":[{"title":"Service","value":"billing"}]}]}""";
}
