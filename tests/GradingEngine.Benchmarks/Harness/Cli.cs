using System.Globalization;
using GradingEngine.Benchmarks.Corpus;

namespace GradingEngine.Benchmarks.Harness;

public static class Cli
{
    public static int Run(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "help";
        var rest = args.Skip(1).ToArray();
        try
        {
            switch (verb)
            {
                case "generate":
                {
                    var ws = Workspace.Generate(Options(rest));
                    Console.WriteLine($"rulebook: {ws.RulebookDir}\ninspections: {ws.InspectionPaths.Count} in {Path.GetDirectoryName(ws.InspectionPaths[0])}");
                    return 0;
                }
                case "verify":
                {
                    var options = rest.Contains("--tiny") ? new GenOptions(Criteria: 30, Inspections: 5, Findings: 20) : Options(rest);
                    var root = Value(rest, "--out");
                    var ws = Workspace.Generate(options, root).Load();
                    Console.WriteLine($"checked: {ws.Warnings.Count} warnings");
                    foreach (var w in ws.Warnings.Take(10)) Console.WriteLine("  " + w);
                    ws.Verify(ws.Graders(), Console.Out);
                    Console.WriteLine("all variants agree");
                    return 0;
                }
                case "stages":
                {
                    var ws = Workspace.Generate(Options(rest)).Load();
                    // Cold: the first load in this process (what the CLI pays); warm: the same again.
                    var cold = Stages.Rulebook(ws.RulebookDir);
                    var warm = Stages.Rulebook(ws.RulebookDir);
                    Console.WriteLine($"{"rulebook stage",-70} {"cold",10}    {"warm",10}");
                    for (var i = 0; i < cold.Count; i++) Console.WriteLine($"{cold[i].Stage,-70} {cold[i].Milliseconds,10:N1} ms {warm[i].Milliseconds,10:N1} ms  {warm[i].Note}");
                    var sample = Int(rest, "--outlook-sample", 10);
                    foreach (var r in Stages.Grading(ws.Compiled!, ws.Inspections, sample)) Console.WriteLine($"{r.Stage,-70} {r.Milliseconds,10:N2} ms/inspection  {r.Note}");
                    return 0;
                }
                default:
                    Console.Error.WriteLine("usage: generate|verify [--criteria N] [--inspections M] [--findings K] [--questions Q] [--seed S]");
                    return 2;
            }
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static GenOptions Options(string[] args)
    {
        var d = new GenOptions();
        return new GenOptions(Int(args, "--criteria", d.Criteria), Int(args, "--inspections", d.Inspections),
            Int(args, "--findings", d.Findings), Int(args, "--questions", d.Questions), Int(args, "--seed", d.Seed));
    }
}
