using BenchmarkDotNet.Running;

// Run one class or all: dotnet run -c Release --project bench/Entente.Benchmarks -- --filter '*Assessment*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
