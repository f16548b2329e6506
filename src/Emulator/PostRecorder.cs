using System;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CardGen.Emulator;

/// <summary>
/// What every webhook route does with a post once it has answered it (recorded with its answer, logged by hook id
/// prefix), and the injected delay before answering, shared by the RingCentral and Teams routes so that both record
/// and log a post alike.
/// </summary>
internal sealed class PostRecorder
{
    private readonly PostStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PostRecorder(PostStore store, TimeProvider time, ILogger logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Waits an injected delay before the answer. When the client goes away meanwhile, records the post as a fault
    /// with no answer and returns <see langword="false"/>.
    /// </summary>
    public async Task<bool> DelayAsync(RecordedPost post, TimeSpan delay, string? description, CancellationToken requestAborted)
    {
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(delay, _time, requestAborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            post.Verdict = PostVerdict.Fault;
            post.Fault = description + "; the client went away during the delay";
            post.Error = "Client closed the connection";
            Record(post, 0, null);
            return false;
        }
    }

    /// <summary>Records a post with its answer: the status (0 for none), the JSON body if any (a 202 has an empty one).</summary>
    public void Record(RecordedPost post, int status, byte[]? response)
    {
        post.HttpStatus = status;
        if (response is not null)
        {
            // Parsed once here rather than for every /api/posts item and every live-stream subscriber.
            var reader = new Utf8JsonReader(response);
            post.ResponseJson = JsonElement.ParseValue(ref reader);
            post.ResponseBody = Encoding.UTF8.GetString(response);
        }
        else if (status == StatusCodes.Status202Accepted)
        {
            post.ResponseBody = string.Empty;
        }

        post.AnsweredAt = _time.GetUtcNow();
        _store.Add(post);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var detail = post.Error is null ? string.Empty : ": " + post.Error;
            if (post.Fault is not null)
            {
                detail += " (" + post.Fault + ")";
            }

            var route = Formats.Name(post.Route);
            var hook = EmulatorLog.Short(post.HookId);
            var verdict = Formats.Name(post.Verdict);
            EmulatorLog.Post(_logger, post.Seq, route, hook, verdict, status, detail);
        }
    }
}
