using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using BenchmarkDotNet.Reports;

namespace GradingEngine.Benchmarks.Harness;

/// <summary>One benchmark result: mean time per operation and bytes allocated per operation.</summary>
public sealed record Measurement(string Suite, string Method, string Param, double MeanMs, double StdDevMs, long? AllocatedBytes, int Iterations);

/// <summary>A scaling point's engine and baseline medians in each of its fresh processes, ms per round.</summary>
public sealed record ScalingProcesses(string Case, double[] Engine, double[] Baseline);

public sealed record MemoryResult(string Case, long PeakWorkingSetBytes, double Seconds, string Note);

public sealed class Results
{
    public List<Measurement> Measurements { get; set; } = [];
    public List<ScalingProcesses> ScalingProcesses { get; set; } = [];
    public List<MemoryResult> Memory { get; set; } = [];
    public List<string> Verified { get; set; } = [];
    public List<string> Stages { get; set; } = [];
    public Dictionary<string, string> Machine { get; set; } = [];
    public bool Quick { get; set; }
    public double TotalMinutes { get; set; }

    public static IEnumerable<Measurement> From(string suite, Summary summary)
    {
        foreach (var report in summary.Reports)
        {
            if (!report.Success || report.ResultStatistics is null) continue;
            var param = string.Join(",", report.BenchmarkCase.Parameters.Items.Select(p => Convert.ToString(p.Value, CultureInfo.InvariantCulture)));
            long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            yield return new Measurement(suite, report.BenchmarkCase.Descriptor.WorkloadMethod.Name, param,
                report.ResultStatistics.Mean / 1e6, report.ResultStatistics.StandardDeviation / 1e6, allocated, report.ResultStatistics.N);
        }
    }

    public Measurement? Find(string suite, string method, string param) =>
        Measurements.FirstOrDefault(m => m.Suite == suite && m.Method == method && m.Param == param);

    public void Save(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }));

    public static Results Load(string path) => JsonSerializer.Deserialize<Results>(File.ReadAllText(path))!;

    public static Dictionary<string, string> DescribeMachine()
    {
        var info = new Dictionary<string, string>
        {
            ["nproc"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["runtime"] = RuntimeInformation.FrameworkDescription + " " + RuntimeInformation.RuntimeIdentifier,
            ["os"] = RuntimeInformation.OSDescription,
            ["gc"] = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
        };
        if (File.Exists("/proc/cpuinfo"))
        {
            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null) info["cpu"] = model.Split(':', 2)[1].Trim();
        }
        if (File.Exists("/proc/meminfo"))
        {
            var total = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
            if (total is not null) info["memory"] = total.Split(':', 2)[1].Trim();
        }
        if (File.Exists("/proc/loadavg")) info["load average at start"] = File.ReadAllText("/proc/loadavg").Trim();
        return info;
    }
}

/// <summary>Runs this program again as a child process (fresh runtime: peak memory, cold start).</summary>
public static class Child
{
    public static (int Code, string Output) Run(params string[] args)
    {
        var self = typeof(Child).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(self);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }
}
