using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.Tool.Tests;

/// <summary><c>cardgen hooks</c>, installed from the package, against the emulator's token endpoint and management API.</summary>
[Collection(InstalledToolTests.Name)]
public sealed class HooksCommandTests : IAsyncLifetime
{
    private readonly InstalledTool _tool;
    private HookEmulator _emulator = null!;

    public HooksCommandTests(InstalledTool tool) => _tool = tool;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Dictionary<string, string?> Credentials => new()
    {
        ["RINGCENTRAL_CLIENT_ID"] = _emulator.ClientId,
        ["RINGCENTRAL_CLIENT_SECRET"] = _emulator.ClientSecret,
        ["RINGCENTRAL_JWT"] = _emulator.JwtCredential,
        ["RINGCENTRAL_SERVER_URL"] = _emulator.BaseAddress.AbsoluteUri,
    };

    [Fact]
    public async Task CreateListSuspendActivateDeleteByTheRedactedId()
    {
        var created = await _tool.RunAsync(Credentials, "hooks", "create", "--group", "4242");
        Assert.True(created.ExitCode == 0, created.Describe());
        var hook = _emulator.Hooks.Single(h => h.GroupIds.Contains("4242"));
        var shown = hook.Id[..4];
        Assert.Contains("Created: " + shown + "\u2026  Active  group 4242", created.StandardOutput, System.StringComparison.Ordinal);

        var list = await _tool.RunAsync(Credentials, "hooks", "list", "--group", "4242", "--format", "json");
        Assert.True(list.ExitCode == 0, list.Describe());
        using (var json = JsonDocument.Parse(list.StandardOutput))
        {
            var item = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(shown + "\u2026", item.GetProperty("id").GetString());
            Assert.Equal("Active", item.GetProperty("status").GetString());
        }

        var suspend = await _tool.RunAsync(Credentials, "hooks", "suspend", shown);
        Assert.True(suspend.ExitCode == 0, suspend.Describe());
        Assert.Equal(HookStatus.Suspended, _emulator.GetHook(hook.Id)!.Status);

        var activate = await _tool.RunAsync(Credentials, "hooks", "activate", shown + "\u2026");
        Assert.True(activate.ExitCode == 0, activate.Describe());
        Assert.Equal(HookStatus.Active, _emulator.GetHook(hook.Id)!.Status);

        var get = await _tool.RunAsync(Credentials, "hooks", "get", shown, "--reveal");
        Assert.True(get.ExitCode == 0, get.Describe());
        Assert.Contains(hook.Uri.AbsoluteUri, get.StandardOutput, System.StringComparison.Ordinal);

        var delete = await _tool.RunAsync(Credentials, "hooks", "delete", shown);
        Assert.True(delete.ExitCode == 0, delete.Describe());
        Assert.Equal(HookStatus.Deleted, _emulator.GetHook(hook.Id)!.Status);

        foreach (var result in new[] { created, list, suspend, activate, delete })
        {
            Assert.DoesNotContain(hook.Id, result.AllOutput, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(_emulator.ClientSecret, result.AllOutput, System.StringComparison.Ordinal);
            Assert.DoesNotContain(_emulator.JwtCredential, result.AllOutput, System.StringComparison.Ordinal);
        }

        // One login per command run: create, list, suspend (+ a list to resolve the id), activate, get, delete.
        Assert.Equal(6, _emulator.TokenRequests);
    }

    [Fact]
    public async Task CredentialsComeFromAFileToo()
    {
        var file = _tool.WriteFile("hooks/credentials.env", string.Join("\n", Credentials.Where(p => p.Key != "RINGCENTRAL_SERVER_URL").Select(p => $"{p.Key}={p.Value}")));

        var list = await _tool.RunAsync(null, "hooks", "list", "--credentials-file", file, "--server", _emulator.BaseAddress.AbsoluteUri);

        Assert.True(list.ExitCode == 0, list.Describe());
        Assert.Contains(_emulator.DefaultHookId[..4] + "\u2026  Active", list.StandardOutput, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingCredentialsAreExit2AndAWrongSecretIsExit1WithThePlatformsCode()
    {
        var wrong = Credentials;
        wrong["RINGCENTRAL_CLIENT_SECRET"] = "not-the-secret";
        var missing = Credentials;
        missing.Remove("RINGCENTRAL_JWT");

        var none = await _tool.RunAsync(missing, "hooks", "list");
        var refused = await _tool.RunAsync(wrong, "hooks", "list");

        Assert.True(none.ExitCode == 2, none.Describe());
        Assert.Contains("RINGCENTRAL_JWT is not set", none.StandardError, System.StringComparison.Ordinal);
        Assert.True(refused.ExitCode == 1, refused.Describe());
        Assert.Contains("OAU-146", refused.StandardError, System.StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", refused.AllOutput, System.StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator.JwtCredential, refused.AllOutput, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownWebhookIsExit1With404()
    {
        var result = await _tool.RunAsync(Credentials, "hooks", "get", "0123456789abcdef0123456789abcdef");

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("HTTP 404", result.StandardError, System.StringComparison.Ordinal);
        Assert.Contains("CMN-102", result.StandardError, System.StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef0123456789abcdef", result.AllOutput, System.StringComparison.Ordinal);
    }
}
