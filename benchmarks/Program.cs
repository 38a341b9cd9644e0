using BenchmarkDotNet.Running;
using SummitBot.Benchmarks.Faults;
using SummitBot.Benchmarks.Scale;

// `faults [conversations]` runs the delivery fault benchmark, `scale [copies]` the retrieval scale run;
// anything else goes to BenchmarkDotNet.
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
switch (args.FirstOrDefault())
{
    case "faults":
        return await FaultBenchmark.RunAsync(count ?? 200);
    case "scale":
        return await ScaleBenchmark.RunAsync(count ?? 1);
}

BenchmarkSwitcher.FromAssembly(typeof(SummitBot.Benchmarks.AnswerBenchmarks).Assembly).Run(args);
return 0;
