using GradingEngine.Benchmarks.Corpus;
using GradingEngine.Benchmarks.Harness;

return Cli.Run(args);
