using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SummitBot.Benchmarks.AnswerBenchmarks).Assembly).Run(args);
