// The benchmark harness: `all [--quick]` runs everything (see docs/performance.md); the other verbs
// generate, verify and profile pieces of it. Run with `dotnet run -c Release --project tests/GradingEngine.Benchmarks -- VERB`.
return GradingEngine.Benchmarks.Harness.Cli.Run(args);
