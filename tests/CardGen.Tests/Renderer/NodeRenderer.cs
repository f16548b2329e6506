using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CardGen.Tests.Renderer;

/// <summary>
/// Runs the official <c>adaptivecards</c> npm package (tests/renderer) over card files and returns the events it
/// reports per card: a client nobody on this project wrote, used as an oracle.
/// </summary>
internal static class NodeRenderer
{
    public static string HarnessDirectory => Path.Combine(RepositoryPaths.Root, "tests", "renderer");

    /// <summary>Why the renderer cannot run here, or <see langword="null"/> when it can.</summary>
    public static string? Unavailable()
    {
        if (!Directory.Exists(Path.Combine(HarnessDirectory, "node_modules", "adaptivecards")))
        {
            return $"The adaptivecards npm package is not installed; run 'npm ci' in {HarnessDirectory} (.ci/run does).";
        }

        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            node!.WaitForExit(10_000);
            return node.ExitCode == 0 ? null : "node --version failed.";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "Node.js is not on PATH.";
        }
    }

    /// <summary>Skips where the renderer is missing, except in CI, where a missing renderer is a failure.</summary>
    public static void SkipUnlessAvailable()
    {
        var reason = Unavailable();
        if (reason is not null && RepositoryPaths.IsCi)
        {
            Assert.Fail(reason);
        }

        Skip.If(reason is not null, reason);
    }

    public sealed record Event(string Phase, string Name, string Message)
    {
        public override string ToString() => $"{Phase}/{Name}: {Message}";
    }

    /// <summary>Writes each card to a file and returns the renderer's events by card name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Event>> Check(IEnumerable<(string Name, byte[] Json)> cards)
    {
        var directory = Directory.CreateTempSubdirectory("cardgen-renderer-");
        try
        {
            foreach (var (name, json) in cards)
            {
                File.WriteAllBytes(Path.Combine(directory.FullName, name + ".json"), json);
            }

            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = HarnessDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("check-cards.js");
            start.ArgumentList.Add(directory.FullName);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The renderer did not finish within two minutes.");
            }

            Assert.True(process.ExitCode == 0, $"check-cards.js exited {process.ExitCode}: {stderr.Result}");
            var results = new Dictionary<string, IReadOnlyList<Event>>(StringComparer.Ordinal);
            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var name = Path.GetFileNameWithoutExtension(root.GetProperty("file").GetString()!);
                results[name] = root.GetProperty("events").EnumerateArray()
                    .Select(e => new Event(e.GetProperty("phase").GetString()!, e.GetProperty("event").GetString()!, e.GetProperty("message").GetString()!))
                    .ToArray();
            }

            return results;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
