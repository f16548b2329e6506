using System;
using System.Text;

namespace CardGen.Generator;

/// <summary>
/// Writes indented C# with <c>\n</c> line endings; <see cref="Block"/> opens a brace scope closed by disposing it.
/// <see cref="Complete"/> returns the text and hands the buffer on to the next writer on the thread, so that writing
/// hundreds of files does not grow a buffer for each.
/// </summary>
internal sealed class SourceWriter
{
    /// <summary>The largest buffer kept for the next writer, in characters.</summary>
    private const int MaxKept = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_spare;

    private StringBuilder _text;
    private int _indent;

    public SourceWriter()
    {
        _text = t_spare ?? new StringBuilder(16 * 1024);
        t_spare = null;
        _text.Clear();
    }

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    public Scope Block(string header)
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return new Scope(this);
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>The text written. The writer is done: its buffer serves the next writer on this thread.</summary>
    public string Complete()
    {
        var text = _text.ToString();
        if (_text.Capacity <= MaxKept)
        {
            t_spare = _text;
        }

        _text = null!;
        return text;
    }

    internal readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;

        public Scope(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}");
        }
    }
}
