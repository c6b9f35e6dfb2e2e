using System.Reflection;
using GradingEngine.Benchmarks.Corpus;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Evaluate;
using GradingEngine.Model;
using GradingEngine.Rollup;
using GradingEngine.Trace;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RE = RulesEngine;

namespace GradingEngine.Benchmarks.Variants;

/// <summary>Grades one inspection: question grade ranks in rulebook order, then the overall rank.</summary>
public interface IGrader
{
    string Name { get; }

    int[] Grade(Inspection inspection);

    /// <summary>Grades many inspections on up to <paramref name="parallelism"/> threads; by default one at a time each.</summary>
    int[][] GradeAll(IReadOnlyList<Inspection> inspections, int parallelism)
    {
        var results = new int[inspections.Count][];
        if (parallelism <= 1)
        {
            for (var i = 0; i < inspections.Count; i++) results[i] = Grade(inspections[i]);
        }
        else
        {
            Parallel.For(0, inspections.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                i => results[i] = Grade(inspections[i]));
        }
        return results;
    }
}

/// <summary>GradingEngine as the CLI uses it: <see cref="GradingPipeline.Grade"/>, which also computes the outlooks.</summary>
public sealed class EngineGrader(CompiledRulebook rulebook) : IGrader
{
    public string Name => "engine (Grade, with outlooks)";

    public CompiledRulebook Rulebook { get; } = rulebook;

    public int[] Grade(Inspection inspection) => Ranks(GradingPipeline.Grade(Rulebook, inspection));

    public static int[] Ranks(GradingResult result) => [.. result.Questions.Select(q => q.Grade?.Rank ?? -1), result.Overall?.Grade.Rank ?? -1];
}

/// <summary>
/// GradingEngine without outlooks: the NRules session and the result with evidence and messages. Many
/// inspections are graded as `grading batch` grades them: steps of <see cref="InspectionEvaluator.StepSize"/>
/// side by side, the steps in parallel (<see cref="GradingPipeline.GradeMany"/>).
/// </summary>
public sealed class EngineNoOutlooksGrader(CompiledRulebook rulebook) : IGrader
{
    public string Name => Mode == ExpressionMode.Interpreted
        ? "engine, interpreted (Evaluate + Build, no outlooks)"
        : "engine (Evaluate + Build, no outlooks)";

    /// <summary>Interpreted is how the CLI grades fewer than <see cref="RulebookCompiler.CompileFrom"/> inspections.</summary>
    public ExpressionMode Mode => rulebook.Mode;

    public int[] Grade(Inspection inspection) =>
        EngineGrader.Ranks(ResultBuilder.Build(rulebook, InspectionEvaluator.Evaluate(rulebook, inspection)));

    public int[][] GradeAll(IReadOnlyList<Inspection> inspections, int parallelism)
    {
        // Ranks only, like every other variant: keeping the full results alive is the batch report's cost, not grading's.
        var ranks = new int[inspections.Count][];
        GradingPipeline.GradeMany(rulebook, inspections, parallelism, (i, result) => ranks[i] = EngineGrader.Ranks(result));
        return ranks;
    }
}

/// <summary>
/// The engine's own compiled conditions (ConditionCompiler, RuleOps, the threshold and roll-up
/// delegates) in plain loops: what the engine would cost without NRules, evidence and explanations.
/// </summary>
public sealed class EngineDelegatesGrader : IGrader
{
    private readonly CompiledRulebook _rulebook;
    private readonly string[] _questions;
    private readonly (Func<QuestionEvidence, bool> When, int Effect, int Weight)[][] _criteria;
    private readonly EvidenceLayout[] _layouts;

    public EngineDelegatesGrader(CompiledRulebook rulebook)
    {
        _rulebook = rulebook;
        _questions = [.. rulebook.Rulebook.Questions.Select(q => q.Id)];
        var builders = _questions.Select(q => new EvidenceLayout.Builder(q)).ToArray();
        _criteria = [.. _questions.Select((q, i) => rulebook.Checked.CriteriaOf(q)
            .Select(c => (ConditionCompiler.ForEvidence(c.Condition, builders[i].SourceOf).Compile(), c.Effect, c.Criterion.Weight)).ToArray())];
        _layouts = [.. builders.Select(b => b.Build())];
    }

    public string Name => "engine conditions in loops (no Rete)";

    public int[] Grade(Inspection inspection)
    {
        var codebook = _rulebook.Rulebook.Codebook;
        var byQuestion = new List<FindingFact>[_questions.Length];
        for (var q = 0; q < byQuestion.Length; q++) byQuestion[q] = [];
        foreach (var f in inspection.Findings.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            byQuestion[Array.IndexOf(_questions, f.QuestionId)].Add(new FindingFact(f, codebook.Find(f.IndicatorId)!));
        }
        var result = new int[_questions.Length + 1];
        var facts = new List<QuestionGradeFact>();
        for (var q = 0; q < _questions.Length; q++)
        {
            var counts = new int[_rulebook.Rulebook.Effects.Count];
            var weights = new int[counts.Length];
            var evidence = _layouts[q].Gather(byQuestion[q]);
            foreach (var (when, effect, weight) in _criteria[q])
            {
                if (!when(evidence)) continue;
                counts[effect]++;
                weights[effect] += weight;
            }
            var profile = OutcomeProfile.Of(_questions[q], counts, weights, byQuestion[q].Count);
            var rank = _rulebook.Thresholds[_questions[q]].Grade(profile);
            result[q] = rank;
            facts.Add(new QuestionGradeFact(_questions[q], rank, -1, profile));
        }
        result[^1] = _rulebook.Rollup!.Grade(facts, OutcomeProfile.OfInspection(codebook, inspection.Findings));
        return result;
    }
}

public sealed class BaselineVariant(RulebookSpec spec) : IGrader
{
    private readonly BaselineGrader _grader = new(spec);

    public string Name => "hand-written baseline";

    public int[] Grade(Inspection inspection) => _grader.Grade(inspection);
}

/// <summary>The rulebook compiled by Roslyn from the generated C# script.</summary>
public sealed class RoslynGrader : IGrader
{
    private readonly CompiledRules _rules;
    private readonly FactMapper _mapper;
    private readonly RulebookSpec _spec;
    private readonly EffectKind[][] _effects;
    private readonly int[][] _criteriaOf;

    public RoslynGrader(RulebookSpec spec, CompiledRules rules)
    {
        _spec = spec;
        _rules = rules;
        _mapper = new FactMapper(spec);
        _criteriaOf = [.. spec.Questions.Select(q => spec.CriteriaOf(q.Id).Select(c => c.Index).ToArray())];
        _effects = [.. spec.Questions.Select(q => spec.CriteriaOf(q.Id).Select(c => c.Effect).ToArray())];
    }

    public string Name => "Roslyn-compiled C#";

    /// <summary>Compiles the script text (what a Roslyn-based design pays per rulebook load).</summary>
    public static CompiledRules Compile(string script) =>
        CSharpScript.EvaluateAsync<CompiledRules>(script, Options).GetAwaiter().GetResult();

    private static readonly ScriptOptions Options = ScriptOptions.Default
        .WithReferences(typeof(BFact).Assembly, typeof(object).Assembly, typeof(Func<>).Assembly)
        .WithImports("System", "GradingEngine.Benchmarks.Variants")
        .WithOptimizationLevel(Microsoft.CodeAnalysis.OptimizationLevel.Release)
        .WithEmitDebugInformation(false);

    public int[] Grade(Inspection inspection)
    {
        var findings = _mapper.Map(inspection);
        var result = new int[_spec.Questions.Length + 1];
        for (var q = 0; q < _criteriaOf.Length; q++)
        {
            var profile = new BProfile();
            var ids = _criteriaOf[q];
            for (var c = 0; c < ids.Length; c++)
            {
                if (_rules.Criteria[ids[c]](findings[q])) profile.Add(_effects[q][c]);
            }
            result[q] = _rules.Thresholds[q](profile);
        }
        result[^1] = _rules.Overall(result[..^1]);
        return result;
    }
}

/// <summary>Microsoft RulesEngine 6.0.1 over the generated workflow JSON.</summary>
public sealed class RulesEngineGrader : IGrader
{
    private readonly RE.RulesEngine _engine;
    private readonly RulebookSpec _spec;
    private readonly FactMapper _mapper;

    public RulesEngineGrader(RulebookSpec spec, string workflowsJson)
    {
        _spec = spec;
        _mapper = new FactMapper(spec);
        // The file is a JSON array of workflows; RulesEngine takes one JSON text per workflow.
        using var doc = System.Text.Json.JsonDocument.Parse(workflowsJson);
        _engine = new RE.RulesEngine([.. doc.RootElement.EnumerateArray().Select(w => w.GetRawText())], Settings);
    }

    public static RE.Models.ReSettings Settings => new()
    {
        CustomTypes = [typeof(BFact), typeof(QuestionInput), typeof(BProfile), typeof(GradesInput)],
        // Defaults kept otherwise; exceptions would show as failed rules, and the equality check
        // against the other variants would catch any.
    };

    public string Name => "Microsoft RulesEngine 6.0.1";

    public RulesEngineGrader Warmed()
    {
        Warm();
        return this;
    }

    /// <summary>Runs every workflow once on empty input: RulesEngine compiles a workflow's rules on first use.</summary>
    public void Warm()
    {
        var empty = new QuestionInput([]);
        foreach (var q in _spec.Questions)
        {
            Run(q.Id, "q", empty);
            Run("thresholds-" + q.Id, "p", new BProfile());
        }
        Run("overall", "g", new GradesInput(new int[_spec.Questions.Length]));
    }

    private List<RE.Models.RuleResultTree> Run(string workflow, string name, object input)
    {
        var results = _engine.ExecuteAllRulesAsync(workflow, new RE.Models.RuleParameter(name, input)).AsTask().GetAwaiter().GetResult();
        foreach (var r in results)
        {
            if (!string.IsNullOrEmpty(r.ExceptionMessage)) throw new InvalidOperationException($"RulesEngine {workflow}/{r.Rule.RuleName}: {r.ExceptionMessage}");
        }
        return results;
    }

    public int[] Grade(Inspection inspection)
    {
        var findings = _mapper.Map(inspection);
        var result = new int[_spec.Questions.Length + 1];
        for (var q = 0; q < _spec.Questions.Length; q++)
        {
            var profile = new BProfile();
            foreach (var r in Run(_spec.Questions[q].Id, "q", new QuestionInput(findings[q])))
            {
                if (r.IsSuccess) profile.Add((EffectKind)(r.Rule.RuleName[^1] - '0'));
            }
            result[q] = FirstGrade(Run("thresholds-" + _spec.Questions[q].Id, "p", profile));
        }
        result[^1] = FirstGrade(Run("overall", "g", new GradesInput(result[..^1])));
        return result;
    }

    /// <summary>First-match: RulesEngine runs every rule and keeps their order, so the first success decides.</summary>
    private static int FirstGrade(List<RE.Models.RuleResultTree> rows) =>
        rows.First(r => r.IsSuccess).Rule.RuleName.Split('|')[1][0] - '0';
}

internal static class EngineInternals
{
    /// <summary>The NRules session factory (internal to the engine), for the stage breakdown only.</summary>
    public static NRules.ISessionFactory Sessions(CompiledRulebook rulebook) =>
        (NRules.ISessionFactory)typeof(CompiledRulebook).GetProperty("Sessions", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(rulebook)!;
}
