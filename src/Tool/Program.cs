using System;
using CardGen.Tool;

return await CardGenCommand.RunAsync(args, new ToolConsole(Console.Out, Console.Error, Environment.GetEnvironmentVariable)).ConfigureAwait(false);
