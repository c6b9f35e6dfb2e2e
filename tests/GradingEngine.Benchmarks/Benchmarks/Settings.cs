using GradingEngine.Benchmarks.Corpus;

namespace GradingEngine.Benchmarks.Benchmarks;

/// <summary>
/// What the benchmark classes run on. BenchmarkDotNet runs in-process here, so these statics, set by
/// the `all` command before it starts, are what the [ParamsSource] members and setups read.
/// </summary>
public static class Settings
{
    public static bool Quick { get; set; }

    /// <summary>The headline corpus: 430 inspections x 200 findings, 500 criteria (quick: 43 inspections).</summary>
    public static GenOptions Headline => Quick ? new GenOptions(Inspections: 43) : new GenOptions();

    /// <summary>GradingPipeline.Grade (with outlooks) costs up to seconds per inspection, so it is timed on every Nth inspection (22 of 430).</summary>
    public static int GradeSampleEvery => Quick ? 9 : 20;

    /// <summary>Rulebook sizes timed for load; the headline's size too, for the re-run after a rule change.</summary>
    public static int[] LoadSizes => Quick ? [100, Headline.Criteria, 1000] : [100, Headline.Criteria, 1000, 5000];

    public static string[] ScalingCases => Quick
        ? ["findings x1", "findings x10", "criteria x1", "criteria x10"]
        : ["findings x1", "findings x10", "findings x100", "criteria x1", "criteria x10", "criteria x100"];

    /// <summary>
    /// Scaling: findings 20 / 200 / 2,000 per inspection with 500 criteria, and criteria 50 / 500 /
    /// 5,000 with 200 findings; 20 inspections each. Questions are fixed per series so that findings
    /// per question and criteria per question grow exactly with the factor.
    /// </summary>
    public static GenOptions Scaling(string name)
    {
        var parts = name.Split(" x");
        var factor = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return parts[0] == "findings"
            ? new GenOptions(Criteria: 500, Inspections: 20, Findings: 20 * factor, Questions: 5)
            : new GenOptions(Criteria: 50 * factor, Inspections: 20, Findings: 200, Questions: 8);
    }

    /// <summary>Fresh processes timed per scaling point; the point is the one with the median engine time.</summary>
    public const int ScalingProcesses = 5;

    /// <summary>Set once every throughput variant has run for a while in this process (tiered JIT settled).</summary>
    public static bool WarmedUp { get; set; }

    /// <summary>The same for the load variants.</summary>
    public static bool LoadWarmedUp { get; set; }

    /// <summary>Correctness gate results, for the report.</summary>
    public static List<string> Verified { get; } = [];
}
