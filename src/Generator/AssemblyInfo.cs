using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CardGen.Tests")]
