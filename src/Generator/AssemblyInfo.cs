using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CardGen.Tests")]
[assembly: InternalsVisibleTo("CardGen.Generator.Tests")]
[assembly: InternalsVisibleTo("CardGen.CodeFixes")]
[assembly: InternalsVisibleTo("CardGen.Analyzer.Tests")]
