using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Schema;

namespace CardGen.Tests.Hooks;

/// <summary>
/// The fixture of the client tests: a loopback server per test and, afterwards, a check that no log line and no
/// exception text contained the webhook id.
/// </summary>
public abstract class HookClientTest : IAsyncLifetime
{
    /// <summary>The webhook id the tests post to.</summary>
    protected const string Id = WebhookUrlTests.Id;

    private readonly List<Exception> _exceptions = new();

    private HookServer? _server;

    internal CapturingLogger Logger { get; } = new();

    internal HookServer Server => _server ?? throw new InvalidOperationException("The server starts in InitializeAsync.");

    /// <summary>The v2 URL of the test server.</summary>
    protected WebhookUrl Hook => WebhookUrl.Parse($"{Server.Origin}/webhook/v2/{Id}");

    /// <summary>The legacy v1 URL of the test server.</summary>
    protected WebhookUrl V1Hook => WebhookUrl.Parse($"{Server.Origin}/webhook/{Id}");

    /// <summary>How <see cref="Hook"/> shows in logs and messages.</summary>
    protected string RedactedHook => $"{Server.Origin}/webhook/v2/d1f7\u2026";

    public virtual async Task InitializeAsync() => _server = await HookServer.StartAsync();

    public virtual async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        foreach (var entry in Logger.Entries)
        {
            WebhookUrlTests.AssertNoSecret(entry.AllText);
        }

        foreach (var exception in _exceptions)
        {
            WebhookUrlTests.AssertNoSecret(exception.ToString());
            WebhookUrlTests.AssertNoSecret(exception.Message);
            if (exception is ChatHookException hook)
            {
                WebhookUrlTests.AssertNoSecret(hook.WebhookUrl);
                WebhookUrlTests.AssertNoSecret(hook.Error);
                WebhookUrlTests.AssertNoSecret(string.Join("\n", hook.Validation));
            }
        }
    }

    protected static AdaptiveCard ValidCard() => new(CardVersion.V1_3)
    {
        FallbackText = "Build 1842 failed",
        Body = { new TextBlock("Build 1842 failed") { Wrap = true }, new FactSet(new Fact("Branch", "main")) },
        Actions = { new OpenUrlAction("Open build", "https://ci.example.com/builds/1842") },
    };

    protected ChatHookClient Client(Action<ChatHookClientOptions>? configure = null)
    {
        var options = new ChatHookClientOptions
        {
            Logger = Logger,
            Retry = { Delay = TimeSpan.FromMilliseconds(20) },
            AttemptTimeout = { Timeout = TimeSpan.FromSeconds(5) },

            // The tests that count timers on a fake clock see only the waits and the attempt timeout.
            TotalRequestTimeout = { Timeout = System.Threading.Timeout.InfiniteTimeSpan },
        };
        configure?.Invoke(options);
        return new ChatHookClient(options);
    }

    /// <summary>Asserts that <paramref name="post"/> throws, and keeps the exception for the secret check.</summary>
    protected async Task<TException> Fails<TException>(Func<Task> post)
        where TException : Exception
    {
        var exception = await Assert.ThrowsAsync<TException>(post);
        Keep(exception);
        return exception;
    }

    /// <summary>Keeps an exception for the secret check at the end of the test.</summary>
    protected void Keep(Exception exception) => _exceptions.Add(exception);
}
