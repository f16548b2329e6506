using System;
using System.IO;

namespace CardGen.Outbox.Tests;

/// <summary>A folder of its own under the temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Create();

    public string Path { get; }

    public static string Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cardgen-outbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public void Dispose() => Delete(Path);
}
