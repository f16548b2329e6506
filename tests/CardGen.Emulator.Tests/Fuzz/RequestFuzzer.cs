using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CardGen.Emulator.Tests.Fuzz;

/// <summary>One generated request, as bytes on the wire, with what the emulator may do with it.</summary>
/// <param name="Family">The endpoint it aims at, for the counts.</param>
/// <param name="Mutations">What was done to it, for the failure message.</param>
/// <param name="Head">The request line and headers, ending in the blank line.</param>
/// <param name="Body">The bytes after the head (framed as the head says, or not).</param>
/// <param name="HalfClose">Whether the client ends its side after the body (a body cut short ends there).</param>
/// <param name="MayGoUnanswered">Whether the framing is broken, so that dropping the connection is a fair answer.</param>
/// <param name="IsHead">Whether it is a HEAD request (an answer without a body).</param>
/// <param name="ToFaultyHook">Whether it posts to the hook with injected faults (a 503, 429 or drop is expected there).</param>
internal sealed record FuzzRequest(string Family, string Mutations, byte[] Head, byte[] Body, bool HalfClose, bool MayGoUnanswered, bool IsHead, bool ToFaultyHook)
{
    public string Describe()
    {
        var head = Encoding.Latin1.GetString(Head).TrimEnd();
        var firstLine = head.Split("\r\n")[0];
        var body = Body.Length <= 300 ? Encoding.UTF8.GetString(Body) : Encoding.UTF8.GetString(Body, 0, 300) + $"… ({Body.Length} bytes)";
        return $"{Family} [{Mutations}]\n{(firstLine.Length > 300 ? firstLine[..300] + "…" : firstLine)}\n{string.Join("\n", head.Split("\r\n").Skip(1).Select(l => l.Length > 200 ? l[..200] + "…" : l))}\n\n{body}";
    }
}

/// <summary>
/// Generates bad requests for every endpoint of the emulator: wrong methods, hosts, origins, content types and
/// authorization; bodies truncated, huge, chunked (well and badly), in bad UTF-8, with lone surrogates, deeply
/// nested, of the wrong JSON kind or with huge numbers; odd paths (encoded slashes, dot segments, very long, control
/// characters). Iteration <c>i</c> of seed <c>s</c> always gives the same request.
/// </summary>
internal sealed class RequestFuzzer
{
    public static readonly string[] Families =
    [
        "webhook v2", "webhook v1", "webhooks v2 (plural)", "webhooks v1 (plural)", "management", "management (glip)",
        "api/posts", "api/posts/{seq}", "api/events", "api/hooks", "api/faults", "api/rate-limit", "page", "static file", "odd path",
        "oauth token",
    ];

    /// <summary>The token endpoint's client in the fuzzed emulator; its JWT credential follows from the secret.</summary>
    public const string ClientId = "fuzz-client";

    public const string ClientSecret = "fuzz-client-secret";

    private static readonly string Jwt = new JwtAssertion(ClientSecret).Issue(HookRegistry.CreatorId, expires: null);
    private static readonly string BasicCredentials = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "get", "M-SEARCH"];

    private readonly int _port;
    private readonly string _token;
    private readonly string _defaultHook;
    private readonly string _faultyHook;

    public RequestFuzzer(int port, string token, string defaultHook, string faultyHook)
    {
        _port = port;
        _token = token;
        _defaultHook = defaultHook;
        _faultyHook = faultyHook;
    }

    public FuzzRequest Generate(int seed, int iteration)
    {
        var random = new Random(unchecked((seed * 7919) + iteration));
        var mutations = new List<string>();
        var family = Families[random.Next(Families.Length)];
        var (method, path, body, toFaulty) = Target(random, family);

        if (random.Next(5) == 0)
        {
            method = Pick(random, Methods);
            mutations.Add("method " + method);
        }

        if (random.Next(8) == 0)
        {
            path = OddPath(random, path, mutations);
        }

        var headers = new List<string>();
        var host = Host(random, mutations);
        var http10 = false;
        if (host is null)
        {
            http10 = true;
        }
        else
        {
            headers.Add("Host: " + host);
        }

        if (random.Next(6) == 0 && host is not null)
        {
            headers.Add("Host: evil.example");
            mutations.Add("two Host headers");
        }

        if (random.Next(8) == 0)
        {
            var origin = Pick(random, "http://evil.example", "null", $"http://127.0.0.1:{_port}", "http://localhost", "file://", "http://[::1]:1", "http://127.0.0.1:1@evil.example", "%%%");
            headers.Add("Origin: " + origin);
            mutations.Add("Origin " + origin);
        }

        var contentType = ContentType(random, family, mutations);
        if (contentType is not null)
        {
            headers.Add("Content-Type: " + contentType);
        }

        if (family == "oauth token" && random.Next(2) == 0)
        {
            headers.Add("Authorization: " + BasicCredentials);
        }
        else if (family.StartsWith("management", StringComparison.Ordinal) || family == "oauth token" || random.Next(10) == 0)
        {
            var authorization = Authorization(random, mutations);
            if (authorization is not null)
            {
                headers.Add("Authorization: " + authorization);
            }
        }

        if (family == "api/events" && random.Next(3) == 0)
        {
            var lastId = Pick(random, "1", "0", "-1", "x", "99999999999999999999", "1e3", "");
            headers.Add("Last-Event-ID: " + lastId);
            mutations.Add("Last-Event-ID " + lastId);
        }

        if (random.Next(30) == 0)
        {
            headers.Add("Expect: 100-continue");
            mutations.Add("Expect 100-continue");
        }

        if (random.Next(25) == 0)
        {
            headers.Add("X-Junk: " + new string('j', random.Next(2) == 0 ? 100 : 40_000));
            mutations.Add("long header");
        }

        body = Body(random, body, mutations);
        headers.Add("Connection: close");
        var (framing, framedBody, halfClose, mayDrop) = Frame(random, body, mutations);
        headers.AddRange(framing);

        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(path).Append(http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("\r\n");

        // Header bytes beyond Latin-1 (raw UTF-8 or control characters) are sent as they are.
        var headBytes = EncodeHead(head.ToString());
        return new FuzzRequest(family, string.Join("; ", mutations), headBytes, framedBody, halfClose, mayDrop, method == "HEAD", toFaulty);
    }

    private (string Method, string Path, byte[] Body, bool ToFaulty) Target(Random random, string family)
    {
        var hook = random.Next(6) switch
        {
            0 => _faultyHook,
            1 => "00000000-0000-4000-8000-" + random.Next(1_000_000).ToString("D12", CultureInfo.InvariantCulture),
            2 => Pick(random, "abc.def.ghi", "x", "%20", "..", "a.b", new string('a', 3000), "0c4a2d5e-4b1f-4e6a-9c3d-00000000c0dE", "%ED%A0%80", "é"),
            _ => _defaultHook,
        };
        var v2 = """{"text":"fuzz","title":"t","activity":"a","attachments":[""" + Raw.Card + "]}";
        var v1 = """{"body":"fuzz","title":"t","attachments":[{"type":"Card","fallback":"f","title":"t","text":"x"}]}""";
        var fault = Pick(random, """{"kind":"serverError","statusCode":502,"count":1}""", """{"kind":"tooManyRequests","retryAfterSeconds":2}""", """{"kind":"drop","rate":0.5,"seed":3}""", """{"kind":"delay","delayMs":0}""");
        var limit = """{"requests":5,"windowSeconds":60}""";
        var prefix = family == "management (glip)" ? "/restapi/v1.0/glip" : "/team-messaging/v1";
        var managementId = random.Next(2) == 0 ? hook : Pick(random, "unknown-but-long-enough-id-1234", $"{_defaultHook},{_faultyHook}", ",", "%2C");
        return family switch
        {
            "webhook v2" => ("POST", "/webhook/v2/" + hook, Bytes(v2), hook == _faultyHook),
            "webhook v1" => ("POST", "/webhook/" + hook, Bytes(v1), hook == _faultyHook),
            "webhooks v2 (plural)" => ("POST", "/webhooks/v2/" + hook, Bytes(v2), hook == _faultyHook),
            "webhooks v1 (plural)" => ("POST", "/webhooks/" + hook, Bytes(v1), hook == _faultyHook),
            "management" or "management (glip)" => random.Next(6) switch
            {
                0 => ("POST", prefix + "/groups/" + Pick(random, "1", "77", "%00", "-1", new string('9', 500)) + "/webhooks", Array.Empty<byte>(), false),
                1 => ("GET", prefix + "/groups/1000001/webhooks", Array.Empty<byte>(), false),
                2 => ("GET", prefix + "/webhooks", Array.Empty<byte>(), false),
                3 => ("GET", prefix + "/webhooks/" + managementId, Array.Empty<byte>(), false),
                4 => ("DELETE", prefix + "/webhooks/" + managementId, Array.Empty<byte>(), false),
                _ => ("POST", prefix + "/webhooks/" + managementId + Pick(random, "/activate", "/suspend"), Array.Empty<byte>(), false),
            },
            "api/posts" => (Pick(random, "GET", "GET", "DELETE"), "/api/posts" + Query(random), Array.Empty<byte>(), false),
            "api/posts/{seq}" => ("GET", "/api/posts/" + Pick(random, "1", "0", "-1", "999999", "1.5", "1e3", "99999999999999999999", "x", "%31"), Array.Empty<byte>(), false),
            "api/events" => ("GET", "/api/events" + Pick(random, "", "?after=0", "?after=1", "?after=-1", "?after=x", "?after=99999999999999999999", "?after=%ED%A0%80", "?after=1&after=2"), Array.Empty<byte>(), false),
            "api/hooks" => ("GET", "/api/hooks", Array.Empty<byte>(), false),
            "api/faults" => (Pick(random, "POST", "POST", "DELETE"), $"/api/hooks/{(hook == _faultyHook ? _defaultHook : hook)}/faults", Bytes(fault), false),
            "api/rate-limit" => (Pick(random, "PUT", "PUT", "DELETE"), $"/api/hooks/{(hook == _faultyHook ? _defaultHook : hook)}/rate-limit", Bytes(limit), false),
            "page" => ("GET", Pick(random, "/", "/?x=1", "/index.html"), Array.Empty<byte>(), false),
            "oauth token" => (Pick(random, "POST", "POST", "POST", "GET", "PUT"), "/restapi/oauth/token", Bytes(Pick(
                random,
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + Jwt,
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + Jwt[..^3] + "AAA",
                "grant_type=password&username=u&password=p",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=%ZZ%00",
                "assertion=" + Jwt + "&grant_type=&grant_type=x",
                string.Join("&", Enumerable.Repeat("a=1", 1500)))), false),
            "static file" => ("GET", Pick(random, "/app.js", "/styles.css", "/lib/adaptivecards.min.js", "/favicon.ico", "/wwwroot/app.js", "/../app.js", "/app.js/", "/APP.JS", "/lib/"), Array.Empty<byte>(), false),
            _ => (Pick(random, Methods), Pick(random, "/nothing", "/api", "/api/", "/api/unknown", "/webhook", "/webhook/", "/webhook/v2/", "/team-messaging", "/restapi/v1.0/glip/unknown", "/%", "/%zz", "/?", "/#frag"), Array.Empty<byte>(), false),
        };
    }

    private static string Query(Random random) => random.Next(4) switch
    {
        0 => string.Empty,
        1 => "?limit=" + Pick(random, "0", "1", "5", "-1", "abc", "1e300", "99999999999", "", "%FF", "2147483647", "2147483648"),
        2 => "?hookId=" + Pick(random, "x", "%ED%A0%80", "%00", "0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de", new string('h', 2000)),
        _ => "?limit=2&hookId=x&limit=3",
    };

    private static string OddPath(Random random, string path, List<string> mutations)
    {
        var kind = random.Next(11);
        mutations.Add("path " + kind.ToString(CultureInfo.InvariantCulture));
        return kind switch
        {
            0 => path.Replace("/", "%2F", StringComparison.Ordinal).Insert(0, "/"),
            1 => "/api/../" + path.TrimStart('/'),
            2 => "/." + path,
            3 => "//" + path.TrimStart('/').Replace("/", "//", StringComparison.Ordinal),
            4 => path + "/" + new string('x', 9000),
            5 => path + "\u0001",
            6 => path + "%00",
            7 => path + "/%ED%A0%80",
            8 => path + "%FF%FE",
            9 => path + "/\u00e9\u4e2d",
            _ => path.ToUpperInvariant(),
        };
    }

    private string? Host(Random random, List<string> mutations)
    {
        if (random.Next(4) != 0)
        {
            return "127.0.0.1:" + _port.ToString(CultureInfo.InvariantCulture);
        }

        var host = Pick<string?>(random, "localhost", "LOCALHOST:1", "[::1]", "evil.example", "evil.example:80", "127.0.0.1.nip.io", "", "a b", "evil.example:abc", "[::1", "127.0.0.1:99999", "\u00e9.example", null);
        mutations.Add("Host " + (host ?? "(none, HTTP/1.0)"));
        return host;
    }

    private static string? ContentType(Random random, string family, List<string> mutations)
    {
        if (family == "oauth token" && random.Next(4) != 0)
        {
            return "application/x-www-form-urlencoded";
        }

        var writes = family is "webhook v2" or "webhook v1" or "webhooks v2 (plural)" or "webhooks v1 (plural)" or "api/faults" or "api/rate-limit";
        if (writes && random.Next(4) != 0)
        {
            return Pick(random, "application/json", "application/json; charset=utf-8");
        }

        if (!writes && random.Next(3) != 0)
        {
            return null;
        }

        var type = Pick<string?>(random, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=iso-8859-1", "application/json; charset=", ";;;", "application/jsonx", "*/*", "application/json, text/plain", "APPLICATION/JSON", "application/json; charset=\"utf-8\"", "\u00e9", null);
        mutations.Add("Content-Type " + (type ?? "(none)"));
        return type;
    }

    private string? Authorization(Random random, List<string> mutations)
    {
        if (random.Next(2) == 0)
        {
            return "Bearer " + _token;
        }

        var value = Pick<string?>(random, "Bearer", "Bearer ", "Bearer wrong", "bearer " + _token, "Basic dXNlcjpwYXNz", "Bearer  " + _token + "  ", "Bearer " + new string('t', 10_000), "Bearer \u00e9\u00e9", "Bearer " + _token + "\u0000", "Token " + _token, null);
        mutations.Add("Authorization " + (value is null ? "(none)" : value.Length > 40 ? value[..40] + "…" : value));
        return value;
    }

    private static byte[] Body(Random random, byte[] body, List<string> mutations)
    {
        if (random.Next(3) == 0)
        {
            return body;
        }

        var kind = random.Next(16);
        mutations.Add("body " + kind.ToString(CultureInfo.InvariantCulture));
        var text = Encoding.UTF8.GetString(body);
        return kind switch
        {
            0 => body.Length > 1 ? body[..random.Next(1, body.Length)] : Bytes("{"),
            1 => [.. body.Take(body.Length / 2), 0xFF, 0xFE, 0xC0, 0x80, .. body.Skip(body.Length / 2)],
            2 => Bytes(ReplaceString(text, random, "\\ud800")),
            3 => Bytes(ReplaceString(text, random, "a\\udc00\\ud800b")),
            4 => Bytes(text.Length > 1 ? "{\"\\ud800\":1," + text[1..] : "{\"\\ud800\":1}"),
            5 => Bytes(new string('[', random.Next(2) == 0 ? 200 : 20_000) + new string(']', 3)),
            6 => Bytes("{\"text\":" + new string('[', 140) + "1" + new string(']', 140) + "}"),
            7 => Bytes(Pick(random, "[]", "null", "1", "\"text\"", "true", "[{\"text\":\"x\"}]", "{}", "")),
            8 => Bytes(ReplaceFirstNumberOrString(text, Pick(random, "1e400", "-1e300", "1e300", "123456789012345678901234567890", "-0", "0.0000001", "NaN", "Infinity", "0x10"))),
            9 => [.. "\uFEFF"u8.ToArray(), .. body],
            10 => Bytes(text + text),
            11 => Bytes(text.Replace("\"", "'", StringComparison.Ordinal)),
            12 => Bytes(text.Insert(Math.Min(1, text.Length), "/* c */")),
            13 => Bytes("{\"text\":\"" + new string('x', random.Next(2) == 0 ? 300_000 : 2_200_000) + "\"}"),
            14 => Bytes(text.Replace("\"text\"", "\"text\":1,\"text\"", StringComparison.Ordinal).Replace("\"kind\"", "\"kind\":\"drop\",\"kind\"", StringComparison.Ordinal)),
            _ => Bytes(text.Replace("\"type\":\"AdaptiveCard\"", "\"type\":\"AdaptiveCard\",\"x-\\udc00\":[\"\\ud800\",{\"\\ud800\":\"\\udfff\\\\\"}]", StringComparison.Ordinal)),
        };
    }

    private static (IReadOnlyList<string> Headers, byte[] Body, bool HalfClose, bool MayDrop) Frame(Random random, byte[] body, List<string> mutations)
    {
        var kind = random.Next(20);
        string Length(long n) => "Content-Length: " + n.ToString(CultureInfo.InvariantCulture);
        switch (kind)
        {
            case 0:
            case 1:
                mutations.Add("chunked");
                return (["Transfer-Encoding: chunked"], Chunked(random, body, broken: false), false, false);
            case 2:
                mutations.Add("chunked, broken");
                return (["Transfer-Encoding: chunked"], Chunked(random, body, broken: true), true, true);
            case 3:
                mutations.Add("cut short");
                return ([Length(body.Length + 10)], body, true, true);
            case 4:
                mutations.Add("declared shorter");
                return ([Length(Math.Max(0, body.Length - 5))], body, false, false);
            case 5:
                mutations.Add("length and chunked");
                return ([Length(body.Length), "Transfer-Encoding: chunked"], Chunked(random, body, broken: false), false, false);
            case 6:
                mutations.Add("no length");
                return ([], Array.Empty<byte>(), false, false);
            case 7:
                mutations.Add("bad length");
                return (["Content-Length: " + Pick(random, "-1", "abc", "1e3", "99999999999999999999", "5a", "5, 6")], body, false, false);
            default:
                return ([Length(body.Length)], body, false, false);
        }
    }

    private static byte[] Chunked(Random random, byte[] body, bool broken)
    {
        var output = new List<byte>();
        var position = 0;
        while (position < body.Length)
        {
            var size = Math.Min(body.Length - position, 1 + random.Next(4096));
            output.AddRange(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + (random.Next(10) == 0 ? ";ext=1" : string.Empty) + "\r\n"));
            output.AddRange(body.AsSpan(position, size).ToArray());
            output.AddRange("\r\n"u8.ToArray());
            position += size;
        }

        if (broken)
        {
            var damage = Pick(random, "zz\r\n", "5\r\nab", "ffffffffffffffff\r\n", "\r\n\r\n", "3\r\nabcX\r\n");
            output.AddRange(Encoding.ASCII.GetBytes(damage));
            return output.ToArray();
        }

        output.AddRange("0\r\n\r\n"u8.ToArray());
        return output.ToArray();
    }

    private static string ReplaceString(string json, Random random, string replacement)
    {
        // One string value after a colon, anywhere in the body: "key":"value" -> "key":"<replacement>".
        var starts = new List<int>();
        for (var index = json.IndexOf(":\"", StringComparison.Ordinal); index >= 0; index = json.IndexOf(":\"", index + 2, StringComparison.Ordinal))
        {
            starts.Add(index);
        }

        if (starts.Count == 0)
        {
            return "{\"text\":\"" + replacement + "\"}";
        }

        var start = starts[random.Next(starts.Count)];
        var end = json.IndexOf('"', start + 2);
        return json[..(start + 2)] + replacement + json[end..];
    }

    private static string ReplaceFirstNumberOrString(string json, string replacement)
    {
        for (var i = 1; i < json.Length; i++)
        {
            if (json[i - 1] == ':' && (char.IsDigit(json[i]) || json[i] == '"'))
            {
                var end = i;
                if (json[i] == '"')
                {
                    end = json.IndexOf('"', i + 1) + 1;
                }
                else
                {
                    while (end < json.Length && (char.IsDigit(json[end]) || json[end] is '.' or 'e' or 'E' or '-' or '+'))
                    {
                        end++;
                    }
                }

                return json[..i] + replacement + json[end..];
            }
        }

        return "{\"requests\":" + replacement + "}";
    }

    private static byte[] EncodeHead(string head)
    {
        // Latin-1 where it can be, UTF-8 for the rest: what a careless client would put on the wire.
        return head.All(c => c <= '\u00ff') ? Encoding.Latin1.GetBytes(head) : Encoding.UTF8.GetBytes(head);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];
}
