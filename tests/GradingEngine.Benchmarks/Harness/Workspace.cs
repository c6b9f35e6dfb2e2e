using System.Diagnostics;
using GradingEngine.Benchmarks.Corpus;
using GradingEngine.Benchmarks.Variants;
using GradingEngine.Compile;
using GradingEngine.Model;

namespace GradingEngine.Benchmarks.Harness;

/// <summary>Where generated data goes: bench/ at the repository root (git-ignored).</summary>
public static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string Bench => Path.Combine(Root, "bench");

    public static string Data => Path.Combine(Bench, "data");

    public static string Results => Path.Combine(Bench, "results");

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GradingEngine.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("run from inside the GradingEngine repository (GradingEngine.sln not found)");
    }
}

/// <summary>A generated rulebook and corpus on disk, loaded for every variant.</summary>
public sealed class Workspace
{
    private Workspace(GenOptions options, RulebookSpec spec, string rulebookDir, IReadOnlyList<string> inspectionPaths)
    {
        Options = options;
        Spec = spec;
        RulebookDir = rulebookDir;
        InspectionPaths = inspectionPaths;
    }

    public GenOptions Options { get; }
    public RulebookSpec Spec { get; }
    public string RulebookDir { get; }
    public IReadOnlyList<string> InspectionPaths { get; }

    public CompiledRulebook? Compiled { get; private set; }
    public Inspection[] Inspections { get; private set; } = [];

    /// <summary>Generates (or reuses, when the same options were generated before) the rulebook and corpus under <paramref name="root"/>.</summary>
    public static Workspace Generate(GenOptions options, string? root = null)
    {
        var dir = Path.Combine(root ?? Paths.Data, options.Name);
        var spec = Generator.Rulebook(options);
        var rulebookDir = Path.Combine(dir, "rulebook");
        var corpusDir = Path.Combine(dir, "inspections");
        var stamp = Path.Combine(dir, "complete.txt");
        var expected = $"{Generator.Version} {options}";
        if (!File.Exists(stamp) || File.ReadAllText(stamp) != expected)
        {
            Writer.WriteRulebook(spec, rulebookDir);
            Writer.WriteInspections(spec, Generator.Inspections(spec, options), corpusDir);
            File.WriteAllText(stamp, expected);
        }
        var paths = Directory.GetFiles(corpusDir, "*.yaml").Order(StringComparer.Ordinal).ToList();
        return new Workspace(options, spec, rulebookDir, paths);
    }

    private static readonly Dictionary<string, Workspace> Cache = [];
    private static readonly HashSet<string> VerifiedNames = [];
    private IReadOnlyList<IGrader>? _graders;

    /// <summary>
    /// Generated and loaded once per process: BenchmarkDotNet runs a [GlobalSetup] for every benchmark
    /// case, and loading the corpus, compiling Roslyn and warming RulesEngine each time would be waste.
    /// </summary>
    public static Workspace Cached(GenOptions options)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(options.Name, out var ws)) Cache[options.Name] = ws = Generate(options).Load();
            return ws;
        }
    }

    /// <summary>The variants without GradingPipeline.Grade, made once (see <see cref="Graders"/>).</summary>
    public IReadOnlyList<IGrader> CachedGraders => _graders ??= Graders(includeOutlooks: false);

    /// <summary>Runs <see cref="Verify"/> the first time it is asked for this corpus and these variants; the lines for the report.</summary>
    public List<string> VerifyOnce(IReadOnlyList<IGrader> graders)
    {
        var key = Options.Name + ":" + string.Join(",", graders.Select(g => g.Name));
        lock (VerifiedNames)
        {
            return VerifiedNames.Add(key) ? Verify(graders, Console.Out) : [];
        }
    }

    /// <summary>Loads, checks and compiles the rulebook with the engine, and loads every findings file.</summary>
    public Workspace Load()
    {
        var compiled = GradingPipeline.LoadRulebook(RulebookDir);
        if (!compiled.Succeeded)
        {
            throw new InvalidOperationException($"generated rulebook {RulebookDir} does not check:\n" +
                string.Join("\n", compiled.Errors.Take(20)));
        }
        Compiled = compiled.Value!;
        Inspections = [.. InspectionPaths.AsParallel().AsOrdered().Select(p =>
        {
            var r = GradingPipeline.LoadInspection(p, Compiled);
            return r.Succeeded ? r.Value! : throw new InvalidOperationException($"{p}: {string.Join("\n", r.Errors.Take(5))}");
        })];
        return this;
    }

    private CompiledRulebook? _interpreted;

    /// <summary>The same checked rulebook compiled to be interpreted, as the CLI grades small batches.</summary>
    public CompiledRulebook Interpreted => _interpreted ??= RulebookCompiler.Compile(Compiled!.Checked, ExpressionMode.Interpreted);

    public IReadOnlyList<GradingEngine.Diagnostics.Diagnostic> Warnings =>
        Compiled?.Checked.Warnings ?? [];

    public string RulesEngineJson => File.ReadAllText(Path.Combine(RulebookDir, Writer.RulesEngineFile));

    public string RoslynScript => File.ReadAllText(Path.Combine(RulebookDir, Writer.RoslynFile));

    /// <summary>Every variant, each ready to grade (RulesEngine warmed, Roslyn compiled).</summary>
    public IReadOnlyList<IGrader> Graders(bool includeOutlooks = true)
    {
        var list = new List<IGrader> { new EngineNoOutlooksGrader(Compiled!), new EngineNoOutlooksGrader(Interpreted) };
        // GradingPipeline.Grade adds the outlooks, about a second per inspection at 500 criteria.
        if (includeOutlooks) list.Add(new EngineGrader(Compiled!));
        list.Add(new BaselineVariant(Spec));
        list.Add(new EngineDelegatesGrader(Compiled!));
        var re = new RulesEngineGrader(Spec, RulesEngineJson);
        re.Warm();
        list.Add(re);
        list.Add(new RoslynGrader(Spec, RoslynGrader.Compile(RoslynScript)));
        return list;
    }

    /// <summary>Every <paramref name="every"/>th inspection, starting with the first.</summary>
    public Workspace Sample(int every) => new(Options with { Inspections = (Inspections.Length + every - 1) / every }, Spec, RulebookDir,
        [.. InspectionPaths.Where((_, i) => i % every == 0)])
    {
        Compiled = Compiled,
        Inspections = [.. Inspections.Where((_, i) => i % every == 0)],
    };

    /// <summary>Grades the corpus with <paramref name="grader"/> using up to <paramref name="parallelism"/> threads.</summary>
    public int[][] GradeAll(IGrader grader, int parallelism) => grader.GradeAll(Inspections, parallelism);

    /// <summary>
    /// The correctness gate run before any timing: every variant gives the same question and overall
    /// grades for every inspection. Returns the report lines; throws on the first disagreement.
    /// </summary>
    public List<string> Verify(IReadOnlyList<IGrader> graders, TextWriter? log = null)
    {
        var lines = new List<string>();
        var reference = GradeAll(graders[0], 1);
        var sw = Stopwatch.StartNew();
        foreach (var grader in graders.Skip(1))
        {
            sw.Restart();
            var other = GradeAll(grader, 2);
            for (var i = 0; i < reference.Length; i++)
            {
                if (!reference[i].SequenceEqual(other[i]))
                {
                    throw new InvalidOperationException(
                        $"{grader.Name} disagrees with {graders[0].Name} on {Inspections[i].Path}: [{Show(other[i])}] vs [{Show(reference[i])}]");
                }
            }
            lines.Add($"  {grader.Name}: same grades for all {reference.Length} inspections ({sw.ElapsedMilliseconds} ms)");
        }
        var questions = Spec.Questions.Length;
        var overall = reference.GroupBy(r => r[questions]).OrderBy(g => g.Key).Select(g => $"{Spec.Grades[g.Key]} {g.Count()}");
        var perQuestion = reference.SelectMany(r => r.Take(questions)).GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"{Spec.Grades[g.Key]} {g.Count()}");
        lines.Insert(0, $"{Options.Name}: overall grades: {string.Join(", ", overall)}; question grades: {string.Join(", ", perQuestion)}");
        foreach (var line in lines) log?.WriteLine(line);
        return lines;

        string Show(int[] ranks) => string.Join(", ", ranks.Select(r => r >= 0 && r < Spec.Grades.Length ? Spec.Grades[r] : r.ToString()));
    }
}
