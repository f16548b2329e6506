using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace CardGen.Emulator.Tests.Fuzz;

/// <summary>
/// Sends thousands of bad requests over real loopback TCP to every endpoint of one emulator (webhooks v2, v1 and the
/// plural typo, the management API under both prefixes, the admin and inspection API, the live stream, the page and
/// its files) and asserts that each gets a well-formed answer that is never a 5xx, except the faults injected into
/// one hook, and that the inspection API survives each: <c>GET /api/posts</c> answers 200 with readable JSON after
/// every case, and the whole listing and a replay of the live stream after every batch of cases and at the end.
/// </summary>
/// <remarks>
/// Deterministic: iteration <c>i</c> of seed <c>s</c> always sends the same request, and the emulator state is reset
/// after each case. Replay a failure with
/// <c>CARDGEN_EMULATOR_FUZZ_SEED=s CARDGEN_EMULATOR_FUZZ_ITERATION=i dotnet test tests/CardGen.Emulator.Tests -c Release --filter EmulatorFuzzTests</c>;
/// <c>CARDGEN_EMULATOR_FUZZ_ITERATIONS</c> changes how many run. The counts by status are written to
/// <c>artifacts/fuzz/emulator.txt</c>.
/// </remarks>
public sealed class EmulatorFuzzTests
{
    private const int DefaultSeed = 20261206;
    private const int DefaultCases = 2400;
    private const int MinimumCases = 2000;
    private const int Batch = 200;
    private const string Token = "fuzz-token";
    private const string FaultyHook = "f4a17ed0-0000-4000-8000-00000000fa17";
    private const string NoAnswer = "no answer";
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(15);

    private readonly ITestOutputHelper _output;

    public EmulatorFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Bad_requests_get_well_formed_answers_never_an_unasked_5xx_and_the_listing_survives_each()
    {
        var fuzz = FuzzRun.FromEnvironment("CARDGEN_EMULATOR_FUZZ", DefaultSeed, DefaultCases);
        var (seed, only, indices) = (fuzz.Seed, fuzz.Only, fuzz.Iterations);

        var options = new HookEmulatorOptions
        {
            ManagementToken = Token,
            ClientId = RequestFuzzer.ClientId,
            ClientSecret = RequestFuzzer.ClientSecret,
            AcceptPluralWebhookPath = true,
            MaxRecordedPosts = 200,
            RecordedBodyBytes = 16 * 1024,
            EventStreamPingInterval = TimeSpan.FromSeconds(1),
            RandomSeed = seed,
        };
        options.Faults[FaultyHook] = Faults(seed);
        await using var emulator = await HookEmulator.StartAsync(options);
        var fuzzer = new RequestFuzzer(emulator.BaseAddress.Port, Token, emulator.DefaultHookId, FaultyHook);

        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var families = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        int listingChecks = 0, fullChecks = 0, injected = 0;
        (int Iteration, TimeSpan Took) slowest = (-1, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < indices.Length && failures.Count < 5; n++)
        {
            var iteration = indices[n];
            var request = fuzzer.Generate(seed, iteration);
            var problems = new List<string>();
            var started = clock.Elapsed;
            var outcome = await SendAsync(emulator, request, problems);
            if (clock.Elapsed - started is var took && took > slowest.Took)
            {
                slowest = (iteration, took);
            }

            statuses[outcome] = statuses.GetValueOrDefault(outcome) + 1;
            families[request.Family] = families.GetValueOrDefault(request.Family) + 1;
            injected += outcome == "503" || (outcome == NoAnswer && request.ToFaultyHook) ? 1 : 0;

            problems.AddRange(await CheckListingAsync(emulator, "?limit=3"));
            listingChecks++;
            if ((n + 1) % Batch == 0 || n == indices.Length - 1)
            {
                problems.AddRange(await CheckListingAsync(emulator, string.Empty));
                problems.AddRange(await CheckReplayAsync(emulator));
                fullChecks++;
            }

            if (problems.Count > 0)
            {
                failures.Add($"seed {seed}, iteration {iteration}: {string.Join("; ", problems)}\n--- request ---\n{request.Describe()}");
            }

            Reset(emulator, seed);
        }

        var elapsed = clock.Elapsed;
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"seed {seed}: {listingChecks} cases in {elapsed.TotalSeconds:0.0} s; GET /api/posts?limit=3 checked after each case ({listingChecks}); ");
        report.Append(CultureInfo.InvariantCulture, $"the whole listing and a replay of /api/events after every {Batch} cases and at the end ({fullChecks})\n");
        report.Append(CultureInfo.InvariantCulture, $"slowest case: iteration {slowest.Iteration}, {slowest.Took.TotalMilliseconds:0} ms\n");
        report.Append(CultureInfo.InvariantCulture, $"injected faults met (503 or a dropped connection on hook {FaultyHook}): {injected}\n");
        report.Append("by status:\n");
        foreach (var (status, count) in statuses)
        {
            report.Append(CultureInfo.InvariantCulture, $"  {status}: {count}\n");
        }

        report.Append("by endpoint:\n");
        foreach (var (family, count) in families)
        {
            report.Append(CultureInfo.InvariantCulture, $"  {family}: {count}\n");
        }

        File.WriteAllText(Path.Combine(RepositoryPaths.Artifacts("fuzz"), "emulator.txt"), report.ToString());
        _output.WriteLine(report.ToString());

        Assert.True(
            failures.Count == 0,
            $"{failures.Count} case(s) failed (the first ones shown; replay one with {fuzz.ReplayAny}):\n\n"
                + string.Join("\n\n", failures));
        if (only is null)
        {
            Assert.True(indices.Length >= MinimumCases || fuzz.CountGiven, $"only {indices.Length} cases ran");
            Assert.Equal(indices.Length, statuses.Values.Sum());
            Assert.Equal(RequestFuzzer.Families.Order(StringComparer.Ordinal), families.Keys);

            // The cases reached the checks they aim at, not only one refusal.
            foreach (var expected in new[] { "200", "204", "400", "401", "403", "404", "405", "413", "415", "429", "503" })
            {
                Assert.True(statuses.ContainsKey(expected), $"no case was answered {expected}:\n{report}");
            }

            Assert.True(injected > 0, "no case met an injected fault");
        }
    }

    [Fact]
    public void Requests_are_reproducible_from_the_seed_and_iteration()
    {
        var fuzzer = new RequestFuzzer(5000, Token, HookEmulatorOptions.WellKnownDefaultHookId, FaultyHook);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var first = fuzzer.Generate(DefaultSeed, iteration);
            var second = fuzzer.Generate(DefaultSeed, iteration);
            Assert.Equal(first.Head, second.Head);
            Assert.Equal(first.Body, second.Body);
            Assert.Equal(first.Mutations, second.Mutations);
        }
    }

    private static List<FaultSpec> Faults(int seed) =>
    [
        FaultSpec.ServerError(503) with { Rate = 0.3, Seed = seed },
        FaultSpec.TooManyRequests(TimeSpan.FromSeconds(2)) with { Rate = 0.2, Seed = seed + 1 },
        FaultSpec.Drop() with { Rate = 0.05, Seed = seed + 2 },
    ];

    /// <summary>Sends the request; returns the status (or <see cref="NoAnswer"/>) and adds what is wrong with the answer.</summary>
    private static async Task<string> SendAsync(HookEmulator emulator, FuzzRequest request, List<string> problems)
    {
        SocketAnswer? answer;
        using var timeout = new CancellationTokenSource(CaseTimeout);
        try
        {
            answer = await RawSocket.SendAsync(emulator.BaseAddress.Port, request.Head, request.Body, request.HalfClose, request.IsHead, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            problems.Add($"no answer within {CaseTimeout.TotalSeconds:0} s");
            return "timeout";
        }
        catch (EndOfStreamException e)
        {
            // Cut off mid-answer: a dropped connection, fair only where the request's own framing was broken.
            if (!request.MayGoUnanswered)
            {
                problems.Add("the answer was cut off: " + e.Message);
            }

            return NoAnswer;
        }
        catch (InvalidDataException e)
        {
            problems.Add("a malformed answer: " + e.Message);
            return "malformed";
        }

        var last = emulator.Posts.LastOrDefault(p => p.HookId == FaultyHook);
        if (answer is null)
        {
            var dropped = request.ToFaultyHook && last is { Verdict: PostVerdict.Fault, HttpStatus: 0 };
            if (!request.MayGoUnanswered && !dropped)
            {
                problems.Add("the connection closed without an answer");
            }

            return NoAnswer;
        }

        if (answer.Status >= 500)
        {
            var asked = request.ToFaultyHook && answer.Status == 503 && last is { Verdict: PostVerdict.Fault, HttpStatus: 503 };
            if (!asked)
            {
                problems.Add($"answered {answer.StatusLine}: {Clip(answer.Text)}");
            }
        }

        if (answer.Header("content-type") is { } type && type.StartsWith("application/json", StringComparison.Ordinal) && answer.Body.Length > 0)
        {
            try
            {
                using var json = JsonDocument.Parse(answer.Body);
                if (Decodable.Problem(json.RootElement) is { } problem)
                {
                    problems.Add("the JSON answer holds text that cannot be decoded: " + problem);
                }
            }
            catch (JsonException e)
            {
                problems.Add($"the answer says JSON but is not ({e.Message}): {Clip(answer.Text)}");
            }
        }

        return answer.Status.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<IEnumerable<string>> CheckListingAsync(HookEmulator emulator, string query)
    {
        using var timeout = new CancellationTokenSource(CaseTimeout);
        try
        {
            using var response = await Raw.Http.GetAsync(emulator.At("api/posts" + query), timeout.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if ((int)response.StatusCode != 200)
            {
                return [$"GET /api/posts{query} then answered {(int)response.StatusCode}: {Clip(Encoding.UTF8.GetString(bytes))}"];
            }

            using var json = JsonDocument.Parse(bytes);
            return Decodable.Problem(json.RootElement) is { } problem ? [$"GET /api/posts{query} then held text that cannot be decoded: {problem}"] : [];
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException)
        {
            return [$"GET /api/posts{query} then failed: {e.GetType().Name}: {e.Message}"];
        }
    }

    /// <summary>Opens the live stream from the start and reads every recorded post back from it.</summary>
    private static async Task<IEnumerable<string>> CheckReplayAsync(HookEmulator emulator)
    {
        var expected = emulator.Posts.Select(p => p.Seq).ToList();
        using var timeout = new CancellationTokenSource(CaseTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, emulator.At("api/events?after=0"));
            using var response = await Raw.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if ((int)response.StatusCode != 200)
            {
                return [$"GET /api/events?after=0 then answered {(int)response.StatusCode}"];
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
            var seen = new List<long>();
            while (seen.Count < expected.Count && await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    using var json = JsonDocument.Parse(line["data: ".Length..]);
                    if (Decodable.Problem(json.RootElement) is { } problem)
                    {
                        return [$"the replayed post {json.RootElement.GetProperty("seq")} holds text that cannot be decoded: {problem}"];
                    }

                    seen.Add(json.RootElement.GetProperty("seq").GetInt64());
                }
            }

            return seen.SequenceEqual(expected) ? [] : [$"/api/events replayed [{string.Join(",", seen)}], not the recorded [{string.Join(",", expected)}]"];
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException or OperationCanceledException)
        {
            return [$"GET /api/events?after=0 then failed: {e.GetType().Name}: {e.Message}"];
        }
    }

    /// <summary>Puts both hooks back as they started, so that each case meets the same emulator.</summary>
    private static void Reset(HookEmulator emulator, int seed)
    {
        var id = emulator.DefaultHookId;
        emulator.ClearFaults(id);
        emulator.SetRateLimit(id, null);
        Restore(emulator, id);
        if (Restore(emulator, FaultyHook))
        {
            foreach (var fault in Faults(seed))
            {
                emulator.InjectFault(FaultyHook, fault);
            }
        }
    }

    /// <returns>Whether the hook was re-created (and so lost its faults).</returns>
    private static bool Restore(HookEmulator emulator, string id)
    {
        switch (emulator.GetHook(id)?.Status)
        {
            case HookStatus.Deleted:
                emulator.CreateHook(id);
                return true;
            case HookStatus.Suspended:
                emulator.ActivateHook(id);
                return false;
            default:
                return false;
        }
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
