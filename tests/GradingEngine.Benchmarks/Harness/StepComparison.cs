using System.Diagnostics;
using GradingEngine.Benchmarks.Corpus;
using GradingEngine.Benchmarks.Variants;
using GradingEngine.Evaluate;
using GradingEngine.Model;

namespace GradingEngine.Benchmarks.Harness;

/// <summary>
/// `compare-steps`: the batch path (inspections in steps of <see cref="InspectionEvaluator.StepSize"/>
/// side by side) against grading them one at a time, on 1 and 2 threads, rounds alternating with the
/// baseline in one process so machine noise hits all three alike. A quick A/B, like `compare`; the
/// report's numbers come from `all`.
/// </summary>
public static class StepComparison
{
    /// <summary>The engine grader with its batch path hidden: the interface's default grades one inspection at a time.</summary>
    private sealed class OneAtATime(IGrader inner) : IGrader
    {
        public string Name => "one at a time";

        public int[] Grade(Inspection inspection) => inner.Grade(inspection);
    }

    public static int Run(GenOptions options)
    {
        var ws = Workspace.Generate(options).Load();
        IGrader inStep = new EngineNoOutlooksGrader(ws.Compiled!);
        IGrader[] graders = [new OneAtATime(inStep), inStep, new BaselineVariant(ws.Spec)];
        ws.Verify(graders, Console.Out);
        Console.WriteLine($"{ws.Options.Name}: ms per inspection, median of rounds after 3 warm-up rounds (x baseline)");
        foreach (var parallelism in new[] { 1, 2 })
        {
            var times = graders.Select(_ => new List<double>()).ToArray();
            var sw = new Stopwatch();
            var total = Stopwatch.StartNew();
            for (var round = 0; round < 12 || total.Elapsed.TotalSeconds < 20; round++)
            {
                for (var g = 0; g < graders.Length; g++)
                {
                    sw.Restart();
                    graders[g].GradeAll(ws.Inspections, parallelism);
                    if (round >= 3) times[g].Add(sw.Elapsed.TotalMilliseconds / ws.Inspections.Length);
                }
            }
            static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
            var floor = Median(times[2]);
            Console.WriteLine($"  {parallelism} thread(s): one at a time {Median(times[0]):N3} ({Median(times[0]) / floor:N2}x), " +
                $"in steps of {InspectionEvaluator.StepSize} {Median(times[1]):N3} ({Median(times[1]) / floor:N2}x), baseline {floor:N3}; {times[0].Count} rounds");
        }
        return 0;
    }
}
