using BenchmarkDotNet.Running;
using SummitBot.Benchmarks.Faults;

// `faults [conversations]` runs the delivery fault benchmark; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "faults")
{
    return await FaultBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
}

BenchmarkSwitcher.FromAssembly(typeof(SummitBot.Benchmarks.AnswerBenchmarks).Assembly).Run(args);
return 0;
