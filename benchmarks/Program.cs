using System.Globalization;
using BenchmarkDotNet.Running;
using SummitBot.Benchmarks.DirectLineLoad;
using SummitBot.Benchmarks.Faults;
using SummitBot.Benchmarks.Scale;

// `faults [conversations]` runs the delivery fault benchmark, `scale [copies]` the retrieval scale run,
// `load <bot address> [visitors] [questions]` the Direct Line load run against a running bot; anything else goes
// to BenchmarkDotNet. The count is read only for the commands that take one: BenchmarkDotNet's own arguments
// (`--filter '*'`) are not numbers.
int? Count() => args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : null;
switch (args.FirstOrDefault())
{
    case "faults":
        return await FaultBenchmark.RunAsync(Count() ?? 200);
    case "scale":
        return await ScaleBenchmark.RunAsync(Count() ?? 1);
    case "load":
        return await DirectLineLoad.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SummitBot.Benchmarks.AnswerBenchmarks).Assembly).Run(args);
return 0;
