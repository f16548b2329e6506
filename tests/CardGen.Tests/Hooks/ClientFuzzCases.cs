using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CardGen.Tests.Hooks;

/// <summary>How the fuzz server ends a connection after writing a case's bytes.</summary>
internal enum FuzzEnding
{
    /// <summary>An orderly close: the client reads what was written, then the end of the stream.</summary>
    Close,

    /// <summary>A TCP reset, which may arrive before the client has read what was written.</summary>
    Reset,

    /// <summary>Nothing more until the client gives up: only its per-attempt timeout ends the post.</summary>
    Stall,
}

/// <summary>One generated answer: the bytes the server writes and what the test knows about them.</summary>
/// <param name="Iteration">The iteration that generated it; with the seed, all that is needed to generate it again.</param>
/// <param name="Kind">The family of answer, for the counts.</param>
/// <param name="Response">The bytes written after the request was read (status line, headers, body), as they are.</param>
/// <param name="Ending">How the connection ends.</param>
/// <param name="Status">The status of a well-formed final response, when the answer has one.</param>
/// <param name="IsRedirect">Whether the answer is a 3xx with a Location the client must not follow.</param>
/// <param name="Location">The <c>Location</c> header of a redirect, as written (perhaps not a URL), when it has one.</param>
internal sealed record ClientFuzzCase(int Iteration, string Kind, byte[] Response, FuzzEnding Ending, int? Status, bool IsRedirect, string? Location = null)
{
    /// <summary>The answer as text for a failure message: clipped, with bytes outside printable ASCII escaped.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var b in Response.Take(600))
        {
            text.Append(b switch
            {
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n\n",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}",
            });
        }

        return $"{Kind}, {Response.Length} bytes, then {Ending}:\n{text}{(Response.Length > 600 ? "…" : string.Empty)}";
    }
}

/// <summary>
/// Generates answers a webhook host, a proxy or a broken network could give: every status class, envelopes with bad
/// escapes and bad UTF-8, bodies that are empty, huge, deeply nested, cut or not JSON, odd content types and
/// <c>Retry-After</c> values, redirects, and malformed HTTP. Iteration <c>i</c> of seed <c>s</c> is always the same.
/// </summary>
internal static class ClientFuzzCases
{
    private static readonly string[] Words = { "Webhook not found!", "Invalid AdaptiveCard payload", "payload.attachments[0] does not match any schema", "Too many requests", "ok", "", " ", "é", "日本", "😀" };

    private static readonly string[] GoodEscapes = { "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00", "\\t", "\\u0000" };

    // Escapes JSON allows but no UTF-16 string can hold (lone surrogates), and escapes JSON does not allow.
    private static readonly string[] BadEscapes = { "\\udc00", "\\ud800", "\\ud800\\u0041", "\\udfff\\ud800", "\\ud800\\ud800", "\\x41", "\\u12", "\\q", "\\", "\\uZZZZ" };

    private static readonly byte[][] BadUtf8 =
    {
        new byte[] { 0xFF }, new byte[] { 0xC3, 0x28 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xED, 0xA0, 0x80 },
        new byte[] { 0xC0, 0x80 }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }, new byte[] { 0x80 }, new byte[] { 0xF0, 0x9F, 0x98 },
        new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFE, 0xFF },
    };

    private static readonly string?[] ContentTypes =
    {
        "application/json", "application/json; charset=utf-8", "text/plain", "text/html; charset=iso-8859-1",
        "application/problem+json", "application/json; charset=utf-16", "garbage", "", null,
    };

    private static readonly string[] RetryAfters =
    {
        "0", "1", "120", "-1", "abc", "", "1.5", "99999999999999999999", "2147483648", " 5 ", "5, 6",
        "Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 99 Foo 2024 99:99:99 GMT", "Thu, 01 Jan 1970 00:00:00 GMT",
    };

    /// <summary>The kinds, each with its weight out of 100.</summary>
    private static readonly (string Kind, int Weight)[] Kinds =
    {
        ("envelope", 24), ("bad-escape", 12), ("bad-utf8", 8), ("not-json", 6), ("nested", 6), ("huge", 6),
        ("truncated", 8), ("retry-after", 7), ("redirect", 8), ("content-type", 4), ("malformed-http", 7), ("informational", 3), ("stall", 1),
    };

    /// <summary>Generates iteration <paramref name="iteration"/> of <paramref name="seed"/>.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="iteration">The iteration.</param>
    /// <param name="id">The webhook id the case is posted to, which some answers echo.</param>
    /// <param name="redirectTarget">The origin of the other loopback server redirects point to.</param>
    public static ClientFuzzCase Generate(int seed, int iteration, string id, string redirectTarget)
    {
        var random = new Random(unchecked((seed * 1_000_003) ^ iteration));
        var pick = random.Next(100);
        var kind = Kinds[^1].Kind;
        foreach (var (name, weight) in Kinds)
        {
            if (pick < weight)
            {
                kind = name;
                break;
            }

            pick -= weight;
        }

        return kind switch
        {
            "envelope" => Answer(iteration, kind, random, AnyStatus(random), Encoding.UTF8.GetBytes(Envelope(random, id, badEscapes: false))),
            "bad-escape" => Answer(iteration, kind, random, AnyStatus(random), Encoding.UTF8.GetBytes(Envelope(random, id, badEscapes: true))),
            "bad-utf8" => Answer(iteration, kind, random, AnyStatus(random), WithBadUtf8(random, Envelope(random, id, badEscapes: false))),
            "not-json" => Answer(iteration, kind, random, AnyStatus(random), NotJson(random, id)),
            "nested" => Answer(iteration, kind, random, AnyStatus(random), Encoding.UTF8.GetBytes(Nested(random))),
            "huge" => Huge(iteration, random, id),
            "truncated" => Truncated(iteration, random, id),
            "retry-after" => RetryAfter(iteration, random, id),
            "redirect" => Redirect(iteration, random, id, redirectTarget),
            "content-type" => Answer(iteration, kind, random, AnyStatus(random), Encoding.UTF8.GetBytes(Envelope(random, id, badEscapes: false)), ContentTypes[random.Next(ContentTypes.Length)]),
            "malformed-http" => Malformed(iteration, random, id),
            "informational" => Informational(iteration, random, id),
            _ => Stall(iteration, random),
        };
    }

    private static int AnyStatus(Random random) => random.Next(24) switch
    {
        < 7 => 200,
        7 => 201,
        8 => 202,
        9 => 204,
        10 => random.Next(200, 300),
        11 => 400,
        12 => 404,
        13 => 429,
        14 => random.Next(400, 500),
        15 => 500,
        16 => 503,
        17 => random.Next(500, 600),
        18 => NotARedirect(random.Next(300, 400)), // redirects have their own kind
        19 => random.Next(600, 1000),
        _ => 200,
    };

    private static int NotARedirect(int status) => status is 301 or 302 or 303 or 307 or 308 ? 300 : status;

    private static ClientFuzzCase Answer(int iteration, string kind, Random random, int status, byte[] body, string? contentType = "application/json", IEnumerable<string>? extraHeaders = null)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(random, status)}\r\n");
        if (contentType is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        foreach (var header in extraHeaders ?? Array.Empty<string>())
        {
            head.Append(header).Append("\r\n");
        }

        if (random.Next(4) == 0)
        {
            // Chunked, in chunks of random sizes.
            head.Append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            return new ClientFuzzCase(iteration, kind, Concat(Encoding.ASCII.GetBytes(head.ToString()), Chunked(random, body, cut: false)), FuzzEnding.Close, status, IsRedirect: false);
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        return new ClientFuzzCase(iteration, kind, Concat(Encoding.ASCII.GetBytes(head.ToString()), body), FuzzEnding.Close, status, IsRedirect: false);
    }

    private static string Reason(Random random, int status) => random.Next(10) switch
    {
        0 => string.Empty,
        1 => "Something Odd",
        _ => status switch { 200 => "OK", 400 => "Bad Request", 404 => "Not Found", 429 => "Too Many Requests", 500 => "Internal Server Error", 503 => "Service Unavailable", _ => "Status" },
    };

    /// <summary>A JSON object with the webhook envelope's fields in random forms; with bad escapes when asked.</summary>
    private static string Envelope(Random random, string id, bool badEscapes)
    {
        var fields = new List<string>();
        var status = random.Next(10) switch
        {
            < 3 => "\"OK\"",
            3 => "\"ok\"",
            < 7 => "\"error\"",
            7 => JsonString(random, id, badEscapes),
            8 => random.Next(3) switch { 0 => "42", 1 => "null", _ => "true" },
            _ => string.Empty,
        };
        if (status.Length > 0)
        {
            fields.Add($"\"status\":{status}");
        }

        if (random.Next(2) == 0)
        {
            fields.Add($"\"message\":{Value(random, id, badEscapes)}");
        }

        if (random.Next(2) == 0)
        {
            fields.Add("\"error\":" + (random.Next(3) == 0 ? ErrorObject(random, id, badEscapes) : Value(random, id, badEscapes)));
        }

        if (random.Next(2) == 0)
        {
            fields.Add($"\"validation\":{Validation(random, id, badEscapes)}");
        }

        if (random.Next(5) == 0)
        {
            fields.Add($"{JsonString(random, id, badEscapes)}:{Value(random, id, badEscapes)}"); // an unknown, perhaps undecodable, name
        }

        if (random.Next(8) == 0 && fields.Count > 0)
        {
            fields.Add(fields[random.Next(fields.Count)]); // a duplicate key
        }

        Shuffle(random, fields);
        return "{" + string.Join(",", fields) + "}";
    }

    private static string ErrorObject(Random random, string id, bool badEscapes)
    {
        var fields = new List<string>();
        if (random.Next(3) != 0)
        {
            fields.Add($"\"code\":{(random.Next(2) == 0 ? "\"CMN-101\"" : Value(random, id, badEscapes))}");
        }

        if (random.Next(3) != 0)
        {
            fields.Add($"\"message\":{Value(random, id, badEscapes)}");
        }

        if (random.Next(2) == 0)
        {
            fields.Add($"\"response\":{{\"code\":{Value(random, id, badEscapes)},\"message\":{Value(random, id, badEscapes)},\"validation\":{Validation(random, id, badEscapes)}}}");
        }

        if (random.Next(3) == 0)
        {
            fields.Add($"\"validation\":{Validation(random, id, badEscapes)}");
        }

        return "{" + string.Join(",", fields) + "}";
    }

    private static string Validation(Random random, string id, bool badEscapes)
    {
        if (random.Next(5) == 0)
        {
            return Value(random, id, badEscapes);
        }

        var items = Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(3) switch
        {
            0 => $"{{\"message\":{Value(random, id, badEscapes)}}}",
            1 => Value(random, id, badEscapes),
            _ => JsonString(random, id, badEscapes),
        });
        return "[" + string.Join(",", items) + "]";
    }

    private static string Value(Random random, string id, bool badEscapes) => random.Next(8) switch
    {
        0 => "null",
        1 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
        2 => "[]",
        3 => "{}",
        4 => "false",
        _ => JsonString(random, id, badEscapes),
    };

    private static string JsonString(Random random, string id, bool badEscapes)
    {
        var text = new StringBuilder("\"");
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            text.Append(random.Next(10) switch
            {
                < 4 => Words[random.Next(Words.Length)],
                4 => GoodEscapes[random.Next(GoodEscapes.Length)],
                5 => Echo(random, id),
                6 when badEscapes => BadEscapes[random.Next(BadEscapes.Length)],
                7 when badEscapes => BadEscapes[random.Next(6)], // the lone surrogates only: still valid JSON
                _ => " ",
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// The webhook id as a host or a proxy might echo it inside a JSON string: as is or upper-cased, after an escape
    /// that eats its first letter, JSON-escaped (<c>\u0066</c>, <c>\/</c>, escaped twice), percent-encoded, or cut.
    /// </summary>
    private static string Echo(Random random, string id)
    {
        var text = random.Next(2) == 0 ? id : id.ToUpperInvariant();
        return random.Next(9) switch
        {
            < 2 => text,
            2 => "\\" + text, // a lone backslash: "\f" of "fuzz…" is a form feed, "\F" no escape at all
            3 => string.Concat(text.Select(c => random.Next(2) == 0 ? c.ToString() : UnicodeEscape(random, c))),
            4 => string.Concat(text.Select(c => random.Next(3) == 0 ? "\\" + UnicodeEscape(random, c) : c.ToString())), // escaped twice
            5 => "https:\\/\\/hooks.example.com\\/webhook\\/v2\\/" + text,
            6 => string.Concat(text.Select(c => random.Next(2) == 0 ? c.ToString() : "%" + ((int)c).ToString(random.Next(2) == 0 ? "X2" : "x2", CultureInfo.InvariantCulture))),
            7 => text.Substring(random.Next(1, 9)), // cut at the front: still 16 characters or more
            _ => text.Substring(0, text.Length - random.Next(1, 9)), // cut at the end
        };
    }

    private static string UnicodeEscape(Random random, char c)
        => "\\u" + ((int)c).ToString(random.Next(2) == 0 ? "X4" : "x4", CultureInfo.InvariantCulture);

    private static byte[] WithBadUtf8(Random random, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            // Inside a string when there is one (after an opening quote), else anywhere.
            var quotes = Enumerable.Range(0, bytes.Count).Where(b => bytes[b] == '"').ToArray();
            var at = quotes.Length > 0 ? quotes[random.Next(quotes.Length)] + 1 : random.Next(bytes.Count + 1);
            bytes.InsertRange(Math.Min(at, bytes.Count), BadUtf8[random.Next(BadUtf8.Length)]);
        }

        return bytes.ToArray();
    }

    private static byte[] NotJson(Random random, string id) => random.Next(14) switch
    {
        0 => Encoding.UTF8.GetBytes("<html><body><h1>502 Bad Gateway</h1></body></html>"),
        1 => Encoding.UTF8.GetBytes("OK"),
        2 => Array.Empty<byte>(),
        3 => Enumerable.Range(0, random.Next(1, 200)).Select(_ => (byte)random.Next(256)).ToArray(),
        4 => Encoding.UTF8.GetBytes("null"),
        5 => Encoding.UTF8.GetBytes("[\"OK\"]"),
        6 => Encoding.UTF8.GetBytes("42"),
        7 => Encoding.UTF8.GetBytes("\"OK\""),
        8 => Encoding.UTF8.GetBytes("{\"status\":"),
        9 => Encoding.UTF8.GetBytes("{'status':'OK'}"),
        10 => Encoding.UTF8.GetBytes("{\"status\":\"OK\"} trailing"),
        11 => Concat(new byte[] { 0xEF, 0xBB, 0xBF }, Encoding.UTF8.GetBytes("{\"status\":\"OK\"}")),
        12 => Encoding.UTF8.GetBytes($"Webhook {id} not found"),
        _ => Encoding.UTF8.GetBytes("{\"status\":NaN}"),
    };

    private static string Nested(Random random)
    {
        int[] depths = { 10, 31, 32, 33, 64, 100, 1000, 5000 };
        var depth = depths[random.Next(depths.Length)];
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var inner = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return random.Next(3) switch
        {
            0 => inner,
            1 => $"{{\"status\":\"error\",\"error\":{inner}}}",
            _ => $"{{\"status\":\"error\",\"validation\":[{inner}]}}",
        };
    }

    private static ClientFuzzCase Huge(int iteration, Random random, string id)
    {
        // Around the 64 KiB cap, and far beyond it.
        const int Cap = 64 * 1024;
        const string Head = "{\"status\":\"OK\",\"pad\":\"";
        const string Tail = "\"}";
        var length = random.Next(4) switch
        {
            0 => Cap,
            1 => Cap + 1,
            2 => Cap - 1,
            _ => random.Next(Cap + 2, 300_000),
        };
        var padding = random.Next(3) == 0 ? 'é' : 'x'; // two bytes or one
        var count = (length - Head.Length - Tail.Length) / Encoding.UTF8.GetByteCount(padding.ToString());
        var body = Encoding.UTF8.GetBytes(Head + new string(padding, count) + (random.Next(5) == 0 ? id : string.Empty) + Tail);
        return random.Next(3) == 0
            ? new ClientFuzzCase(iteration, "huge", Concat(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"), body), FuzzEnding.Close, 200, IsRedirect: false) // ends with the connection
            : Answer(iteration, "huge", random, 200, body);
    }

    private static ClientFuzzCase Truncated(int iteration, Random random, string id)
    {
        var status = AnyStatus(random);
        var body = Encoding.UTF8.GetBytes(Envelope(random, id, badEscapes: false));
        var sent = body.Take(random.Next(body.Length)).ToArray();
        var head = $"HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\nConnection: close\r\n";
        var ending = random.Next(4) == 0 ? FuzzEnding.Reset : FuzzEnding.Close;
        var bytes = random.Next(3) switch
        {
            0 => Concat(Encoding.ASCII.GetBytes(head + $"Content-Length: {body.Length + random.Next(1, 1000)}\r\n\r\n"), body), // longer than sent
            1 => Concat(Encoding.ASCII.GetBytes(head + $"Content-Length: {body.Length}\r\n\r\n"), sent), // closed mid-body
            _ => Concat(Encoding.ASCII.GetBytes(head + "Transfer-Encoding: chunked\r\n\r\n"), Chunked(random, body, cut: true)), // chunked, cut
        };
        return new ClientFuzzCase(iteration, "truncated", bytes, ending, status, IsRedirect: false);
    }

    private static ClientFuzzCase RetryAfter(int iteration, Random random, string id)
    {
        int[] statuses = { 429, 429, 429, 503, 500, 200, 301 };
        var status = statuses[random.Next(statuses.Length)];
        var headers = Enumerable.Range(0, random.Next(3) == 0 ? 2 : 1).Select(_ => "Retry-After: " + RetryAfters[random.Next(RetryAfters.Length)]).ToArray();
        var body = random.Next(2) == 0 ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(Envelope(random, id, badEscapes: false));
        return Answer(iteration, "retry-after", random, status, body, extraHeaders: headers) with { IsRedirect = status == 301 };
    }

    private static ClientFuzzCase Redirect(int iteration, Random random, string id, string target)
    {
        int[] statuses = { 301, 302, 303, 307, 308 };
        var status = statuses[random.Next(statuses.Length)];
        string? location = random.Next(8) switch
        {
            < 3 => $"{target}/collect",
            3 => $"{target}/webhook/v2/{id}",
            4 => "/elsewhere",
            5 => "//" + target.Substring("http://".Length) + "/scheme-relative",
            6 => "http://[::1",
            _ => null,
        };
        var headers = location is null ? Array.Empty<string>() : new[] { "Location: " + location };
        var body = random.Next(2) == 0 ? Array.Empty<byte>() : Encoding.UTF8.GetBytes("{\"status\":\"OK\"}");
        return Answer(iteration, "redirect", random, status, body, extraHeaders: headers) with { IsRedirect = true, Location = location };
    }

    private static ClientFuzzCase Malformed(int iteration, Random random, string id)
    {
        const string Ok = "{\"status\":\"OK\"}";
        string[] texts =
        {
            "garbage\r\n\r\n",
            "HTTP/1.1 abc OK\r\n\r\n",
            "HTTP/1.1 20 OK\r\n\r\n",
            "HTTP/1.1 2000 OK\r\n\r\n",
            $"HTTP/2.0 200 OK\r\nContent-Length: 15\r\n\r\n{Ok}",
            $"HTTP/1.0 200 OK\r\n\r\n{Ok}",
            $"HTTP/1.1 200 OK\nContent-Length: 15\n\n{Ok}",
            "HTTP/1.1 200 OK\r\nNoColonHeader\r\n\r\n",
            $"HTTP/1.1 200 OK\r\nContent-Length: 15\r\nContent-Length: 16\r\n\r\n{Ok}",
            "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
            $"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\nf\r\n{Ok}\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nX-Odd: a\0b\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nX-Big: " + new string('a', 70 * 1024) + "\r\n\r\n",
            "HTTP/1.1 200",
            "HTTP/1.1 200 OK\r\nContent-Length: 15\r\n",
            string.Empty,
            "\r\n\r\n",
            $"HTTP/1.1 200 OK\r\n Folded: header\r\nContent-Length: 15\r\n\r\n{Ok}",
            $"HTTP/1.1 400 {id}\r\nContent-Length: 0\r\n\r\n",
            $"HTTP/1.1 200 OK\r\nX-Echo: {id}\r\nContent-Length: 15\r\n\r\n{Ok}",
            $"HTTP/1.1 200 OK\r\n{id}\r\n\r\n",
            $"HTTP/1.1 {id}\r\n\r\n",
            $"HTTP/1.1 400 {string.Concat(id.Select(c => "%" + ((int)c).ToString("X2", CultureInfo.InvariantCulture)))}\r\nContent-Length: 0\r\n\r\n",
            $"HTTP/1.1 400 webhook\\/{id[2..]}\r\nContent-Length: 0\r\n\r\n",
            $"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 2\r\nContent-Encoding: gzip\r\n\r\n{{}}",
        };
        var index = random.Next(texts.Length + 1);
        var bytes = index < texts.Length
            ? Encoding.Latin1.GetBytes(texts[index])
            : Concat(Encoding.ASCII.GetBytes("HTTP/1.1 200 O"), new byte[] { 0xFF }, Encoding.ASCII.GetBytes($"K\r\nContent-Length: 15\r\n\r\n{Ok}"));
        return new ClientFuzzCase(iteration, "malformed-http", bytes, random.Next(5) == 0 ? FuzzEnding.Reset : FuzzEnding.Close, Status: null, IsRedirect: false);
    }

    private static ClientFuzzCase Informational(int iteration, Random random, string id)
    {
        var final = Answer(iteration, "informational", random, AnyStatus(random), Encoding.UTF8.GetBytes(Envelope(random, id, badEscapes: false)));
        return random.Next(4) switch
        {
            0 => final with { Response = Concat(Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n"), final.Response) },
            1 => final with { Response = Concat(Encoding.ASCII.GetBytes("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"), final.Response) },
            2 => final with { Response = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n"), Status = null },
            _ => final with { Response = Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"), Status = null },
        };
    }

    private static ClientFuzzCase Stall(int iteration, Random random)
    {
        var bytes = random.Next(3) switch
        {
            0 => Array.Empty<byte>(),
            1 => Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"status\":"),
            _ => Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n"),
        };
        return new ClientFuzzCase(iteration, "stall", bytes, FuzzEnding.Stall, Status: null, IsRedirect: false);
    }

    private static byte[] Chunked(Random random, byte[] body, bool cut)
    {
        var output = new List<byte>();
        var at = 0;
        while (at < body.Length)
        {
            var size = Math.Min(body.Length - at, random.Next(1, 5000));
            output.AddRange(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            output.AddRange(body.Skip(at).Take(size));
            output.AddRange(Encoding.ASCII.GetBytes("\r\n"));
            at += size;
        }

        if (cut)
        {
            return output.Take(random.Next(output.Count + 1)).ToArray();
        }

        output.AddRange(Encoding.ASCII.GetBytes("0\r\n\r\n"));
        return output.ToArray();
    }

    private static void Shuffle<T>(Random random, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
