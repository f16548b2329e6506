using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CardGen.Tests")]
[assembly: InternalsVisibleTo("CardGen.Generator.Tests")]
