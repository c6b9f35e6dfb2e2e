using System.Diagnostics;
using GradingEngine.Check;
using GradingEngine.Check.Analysis;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Diagnostics;
using GradingEngine.Evaluate;
using GradingEngine.Explain;
using GradingEngine.Trace;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Rollup;
using GradingEngine.Benchmarks.Variants;
using GradingEngine.Tooling.Lint;

namespace GradingEngine.Benchmarks.Harness;

/// <summary>
/// A Stopwatch breakdown of the engine by stage, the profile behind docs/performance.md: the
/// rulebook (load, bind/type-check, each analysis, compile) and grading (facts, session, fire,
/// query, result building, outlooks). It replays InspectionEvaluator's steps with timers between them.
/// </summary>
public static class Stages
{
    public sealed record Row(string Stage, double Milliseconds, string Note = "");

    public static List<Row> Rulebook(string directory)
    {
        var rows = new List<Row>();
        static string Allocated(long since) => $"{(GC.GetAllocatedBytesForCurrentThread() - since) / 1048576.0:N0} MB allocated";
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        var bag = new DiagnosticBag();
        var rulebook = RulebookLoader.Load(directory, LoadLimits.Default, bag) ?? throw new InvalidOperationException("load failed");
        rows.Add(new("load (read YAML, parse conditions)", sw.Elapsed.TotalMilliseconds, Allocated(allocated)));

        allocated = GC.GetAllocatedBytesForCurrentThread();
        sw.Restart();
        // As LoadRulebook does: the criterion lint (CriterionLint) only runs in `rules check`.
        var checkedRulebook = RulebookChecker.Check(rulebook, bag) ?? throw new InvalidOperationException("check failed");
        var check = sw.Elapsed.TotalMilliseconds;
        var checkAllocated = Allocated(allocated);

        var scratch = new DiagnosticBag();
        sw.Restart();
        CriterionLint.Analyze(checkedRulebook.Criteria, rulebook.Codebook, scratch);
        var criteria = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var tables = TableAnalyzer.AnalyzeThresholds(rulebook, checkedRulebook.Criteria, checkedRulebook.Thresholds, checkedRulebook.Limits, scratch);
        var thresholds = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var rollup = RollupAnalyzer.Analyze(rulebook, checkedRulebook.Rollup!, checkedRulebook.Requirements, tables, scratch);
        var rollupMs = sw.Elapsed.TotalMilliseconds;
        rows.Add(new("check: RulebookChecker.Check as LoadRulebook calls it (no lint)", check, checkAllocated));
        rows.Add(new("  criterion lint (never/always met), timed separately", criteria, "`rules check` only, not part of LoadRulebook"));
        rows.Add(new("  threshold tables (every profile), timed separately", thresholds, $"{tables.Sum(t => t.SpaceSize):N0} profiles over {tables.Count} questions"));
        rows.Add(new("  roll-up table (every grade combination), timed separately", rollupMs, $"{rollup.SpaceSize:N0} combinations"));

        sw.Restart();
        foreach (var c in checkedRulebook.Criteria) ConditionCompiler.ForEvidence(c.Condition, new EvidenceLayout.Builder(c.Criterion.QuestionId).SourceOf).Compile();
        var conditionsMs = sw.Elapsed.TotalMilliseconds;
        allocated = GC.GetAllocatedBytesForCurrentThread();
        sw.Restart();
        var compiled = RulebookCompiler.Compile(checkedRulebook);
        var compile = sw.Elapsed.TotalMilliseconds;
        rows.Add(new("compile: total (RulebookCompiler.Compile)", compile, $"{compiled.RuleCount} NRules rules, {Allocated(allocated)}"));
        rows.Add(new("  of which compiling each condition once (Expression.Compile)", conditionsMs, "timed again separately, without FastExpressionCompiler"));
        return rows;
    }

    /// <summary>
    /// What `grading grade FINDINGS` does in a fresh process, one Stopwatch per step: everything is
    /// cold (first call, JIT), which is what the whole-process time is made of. Run as its own process.
    /// </summary>
    public static List<Row> Cold(string rulesDir, string findingsPath)
    {
        var rows = new List<Row>();
        rows.Add(new("process start to Main (runtime start-up, host)", (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds));
        var sw = Stopwatch.StartNew();
        var bag = new DiagnosticBag();
        var rulebook = RulebookLoader.Load(rulesDir, LoadLimits.Default, bag)!;
        rows.Add(new("load rulebook YAML", sw.Elapsed.TotalMilliseconds));
        sw.Restart();
        var checkedRulebook = RulebookChecker.Check(rulebook, bag)!;
        rows.Add(new("check (bind + table analyses, no lint, as LoadRulebook)", sw.Elapsed.TotalMilliseconds));
        var scratch = new DiagnosticBag();
        sw.Restart();
        CriterionLint.Analyze(checkedRulebook.Criteria, rulebook.Codebook, scratch);
        rows.Add(new("  (criterion lint, `rules check` only, warm, not in the total)", sw.Elapsed.TotalMilliseconds));
        sw.Restart();
        var analyses = TableAnalyzer.AnalyzeThresholds(rulebook, checkedRulebook.Criteria, checkedRulebook.Thresholds, checkedRulebook.Limits, scratch);
        RollupAnalyzer.Analyze(rulebook, checkedRulebook.Rollup!, checkedRulebook.Requirements, analyses, scratch);
        rows.Add(new("  table analyses, again (warm)", sw.Elapsed.TotalMilliseconds));
        sw.Restart();
        // Interpreted, as the CLI's `grade` compiles it: one inspection does not repay the JIT.
        var compiled = RulebookCompiler.Compile(checkedRulebook, ExpressionMode.Interpreted);
        rows.Add(new("compile (NRules rules, expression trees, interpreted)", sw.Elapsed.TotalMilliseconds, $"{compiled.RuleCount} rules"));
        sw.Restart();
        var inspection = GradingPipeline.LoadInspection(findingsPath, compiled).Value!;
        rows.Add(new("load findings", sw.Elapsed.TotalMilliseconds, $"{inspection.Findings.Count} findings"));
        sw.Restart();
        var evaluation = InspectionEvaluator.Evaluate(compiled, inspection);
        rows.Add(new("evaluate (NRules session, fire)", sw.Elapsed.TotalMilliseconds));
        sw.Restart();
        var result = ResultBuilder.Build(compiled, evaluation);
        rows.Add(new("build result", sw.Elapsed.TotalMilliseconds));
        sw.Restart();
        result = result with { Outlooks = Outlooks.Compute(compiled, result) };
        rows.Add(new("outlooks", sw.Elapsed.TotalMilliseconds));
        sw.Restart();
        var text = GradingEngine.Render.TextRenderer.Render(result);
        rows.Add(new("render text", sw.Elapsed.TotalMilliseconds, $"{text.Length} characters"));
        sw.Restart();
        var again = GradingPipeline.Grade(compiled, inspection);
        rows.Add(new("Grade again, warm (evaluate + build + outlooks)", sw.Elapsed.TotalMilliseconds));
        GC.KeepAlive(again);
        return rows;
    }

    public static List<Row> Grading(CompiledRulebook compiled, IReadOnlyList<Inspection> inspections, int outlookSample)
    {
        var sessions = EngineInternals.Sessions(compiled);
        var rulebook = compiled.Rulebook;
        var stages = new[]
        {
            "facts: sort findings, make FindingFacts",
            "session: create (activates each rule's first join)",
            "insert: gather and insert question evidence (criteria joins and conditions)",
            "fire criteria: each met criterion records its outcome on its evidence",
            "  of which evidence (CriterionRuntime.Met), timed again separately",
            "insert OutcomesComplete, fire profiles, question grades, overall grade",
            "query: collect outcomes, read grade facts",
            "result: ResultBuilder.Build (evidence, messages, not considered)",
        };
        var time = new double[stages.Length];
        var bytes = new double[stages.Length];
        var sw = new Stopwatch();
        var stage = 0;
        long allocated = 0;
        void Start(int s) { stage = s; allocated = GC.GetAllocatedBytesForCurrentThread(); sw.Restart(); }
        void Stop() { time[stage] += sw.Elapsed.TotalMilliseconds; bytes[stage] += GC.GetAllocatedBytesForCurrentThread() - allocated; }
        var results = new List<GradingResult>();
        // Warm-up by time, as the scaling points do: tiered JIT promotes hot methods only after a while,
        // and NRules' first-use costs are not per-inspection costs. Every inspection at least once, too:
        // at 5,000 criteria an inspection's first pass JITs the compiled conditions and witness filters
        // it is the first to reach (the first inspection took 3.4 s, the next ones about 100 ms each).
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < inspections.Count || warm.Elapsed.TotalSeconds < 3; i++) ResultBuilder.Build(compiled, InspectionEvaluator.Evaluate(compiled, inspections[i % inspections.Count]));
        foreach (var inspection in inspections)
        {
            Start(0);
            var findings = inspection.Findings.OrderBy(f => f.Id, StringComparer.Ordinal)
                .Select(f => new FindingFact(f, rulebook.Codebook.Find(f.IndicatorId)!)).ToList();
            Stop();

            Start(1);
            var session = sessions.CreateSession();
            Stop();

            Start(2);
            var byQuestion = findings.ToLookup(f => f.QuestionId, StringComparer.Ordinal);
            var evidence = rulebook.Questions.Select(q => compiled.Evidence[q.Id].Gather([.. byQuestion[q.Id]])).ToList();
            session.InsertAll(evidence);
            Stop();

            Start(3);
            session.Fire();
            Stop();

            Start(5);
            session.Insert(new OutcomesComplete());
            session.Fire();
            Stop();

            Start(6);
            var metFacts = evidence.SelectMany(e => e.Met).OrderBy(m => m.CriterionIndex).ToList();
            var grades = session.Query<QuestionGradeFact>().AsEnumerable().ToList();
            Stop();

            // The rule actions' own work inside Fire: picking evidence for each met criterion.
            Start(4);
            foreach (var m in metFacts)
            {
                var runtime = compiled.Criteria[m.CriterionIndex];
                runtime.Met(evidence.Single(e => e.QuestionId == runtime.Criterion.QuestionId));
            }
            Stop();

            Start(7);
            results.Add(ResultBuilder.Build(compiled, new Evaluation(inspection, findings, metFacts, grades)));
            Stop();
        }
        var n = inspections.Count;
        var rows = stages.Select((name, i) => new Row(name, time[i] / n, $"{bytes[i] / n / 1024:N1} KB allocated")).ToList();

        // Outlooks on a sample: they dominate, so a few inspections are enough to see it.
        var sample = results.Take(outlookSample).ToList();
        double outlooks = 0, counterfactuals = 0, slowest = 0;
        var slowestId = "";
        foreach (var result in sample)
        {
            sw.Restart();
            Outlooks.Compute(compiled, result);
            var ms = sw.Elapsed.TotalMilliseconds;
            outlooks += ms;
            if (ms > slowest) (slowest, slowestId) = (ms, result.Inspection.Id);
            sw.Restart();
            foreach (var q in result.Questions)
            {
                foreach (var rank in new[] { q.Grade!.Rank - 1, q.Grade.Rank + 1 })
                {
                    if (rank < 0 || rank >= rulebook.Scale.Grades.Count) continue;
                    Counterfactuals.ForQuestion(compiled, q, rulebook.Scale[rank], result.Inspection);
                }
            }
            counterfactuals += sw.Elapsed.TotalMilliseconds;
        }
        if (sample.Count > 0)
        {
            rows.Add(new("outlooks: Outlooks.Compute", outlooks / sample.Count, $"mean of {sample.Count} inspections; slowest {slowest:N0} ms ({slowestId})"));
            rows.Add(new("  of which Counterfactuals.ForQuestion, timed again separately", counterfactuals / sample.Count));
        }
        return rows;
    }
}
