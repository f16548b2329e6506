// The child process of the outbox crash test: a service with a SQLite outbox that enqueues posts while delivering
// them to a webhook, and writes to a log file which posts it began to enqueue ("b 17") and which EnqueueAsync
// acknowledged ("a 17"). The test kills it with SIGKILL mid-run and starts it again on the same file: the second run
// enqueues the posts the first never began, then delivers until nothing is pending and exits.
//
// usage: CardGen.Outbox.CrashHost <outbox file> <webhook url> <post count> <log file>
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen;
using CardGen.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: CardGen.Outbox.CrashHost <outbox file> <webhook url> <post count> <log file>");
    return 2;
}

var (file, url, count, logPath) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);

var begun = new HashSet<int>();
if (File.Exists(logPath))
{
    foreach (var line in File.ReadLines(logPath))
    {
        if (line.StartsWith("b ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(2), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            begun.Add(i);
        }
    }
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Services.AddChatHooks()
    .AddHook("crash", url, client =>
    {
        client.Retry.Delay = TimeSpan.FromMilliseconds(20);
        client.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
        client.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(3);
        client.CircuitBreaker.Enabled = false;
    })
    .UseSqliteOutbox(file, outbox =>
    {
        outbox.LeaseDuration = TimeSpan.FromSeconds(6);
        outbox.PollInterval = TimeSpan.FromMilliseconds(50);
        outbox.RetryDelay = TimeSpan.FromMilliseconds(50);
        outbox.MaxRetryDelay = TimeSpan.FromMilliseconds(500);
    });
using var host = builder.Build();
await host.StartAsync();
var hooks = host.Services.GetRequiredService<IChatHooks>();
var outbox = host.Services.GetRequiredService<IChatOutbox>();

using (var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true })
{
    var gate = new object();
    void Log(string line)
    {
        lock (gate)
        {
            log.WriteLine(line);
        }
    }

    var todo = new Queue<int>(Enumerable.Range(0, count).Where(i => !begun.Contains(i)));
    Console.WriteLine($"enqueuing {todo.Count} posts");
    var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
    {
        while (true)
        {
            int i;
            lock (todo)
            {
                if (todo.Count == 0)
                {
                    return;
                }

                i = todo.Dequeue();
            }

            Log(string.Create(CultureInfo.InvariantCulture, $"b {i}"));
            await hooks.EnqueueAsync("crash", new WebhookMessage { Text = string.Create(CultureInfo.InvariantCulture, $"crash {i}") });
            Log(string.Create(CultureInfo.InvariantCulture, $"a {i}"));
        }
    })).ToArray();
    await Task.WhenAll(workers);
}

Console.WriteLine("enqueued; delivering");
while ((await outbox.GetStatisticsAsync()).Pending > 0)
{
    await Task.Delay(50);
}

var dead = await outbox.ListDeadLettersAsync();
Console.WriteLine($"delivered; {dead.Count} dead letters");
await host.StopAsync();
return dead.Count == 0 ? 0 : 1;
