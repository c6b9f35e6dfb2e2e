using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Conditions;
using GradingEngine.Syntax;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// Narrowing is sound: an aggregate that scans only the source of its candidate indicators decides
/// exactly as if it scanned every finding of the question. The oracle is the same condition compiled
/// with every aggregate reading all findings, on random findings of every indicator type.
/// </summary>
public class EvidenceSourceProperties
{
    private static readonly Lazy<Rulebook> Model = new(() => TestKit.Compile(new MiniRulebook()).Rulebook);

    private static readonly string[] Indicators =
        ["q1.prevention.priority", "q1.partnership.working", "q1.prevention.crime-change", "q1.partnership.database"];

    public static readonly TheoryData<string> Conditions = new()
    {
        "any(f => f.indicator == \"q1.prevention.priority\" and f.judgement no worse than mostly-effective)",
        "count(f => f.area == \"partnership\") >= 2",
        "all(f => f.indicator == \"q1.prevention.priority\", f => f.judgement == effective)",
        "all(f => f.indicator in [\"q1.prevention.priority\", \"q1.partnership.working\"])",
        "sum(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) > 3",
        "min(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) < 0 or max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value * 2) > 10",
        "worst(f => f.indicator in [\"q1.prevention.priority\", \"q1.partnership.working\"]) worse than mostly-effective",
        "best(f => f.area == \"prevention\" and f.indicator == \"q1.prevention.priority\") == effective",
        "ratio(f => f.indicator == \"q1.partnership.working\" and f.judgement == effective, f => f.indicator in [\"q1.partnership.working\", \"q1.prevention.priority\"]) >= 0.5",
        "any(f => f.indicator == \"q1.partnership.database\" and f.value)",
        "any(f => f.indicator == \"q1.prevention.priority\" and count(g => g.indicator == \"q1.partnership.working\" and g.judgement == ineffective) >= 1)",
        "not any(f => f.indicator == \"q1.partnership.working\" and f.judgement == ineffective) and count(f => f.indicator == \"q1.prevention.crime-change\") == 2",
        // The predicate of `all` sees every finding its filter selects: its own indicator test must stay.
        "all(f => f.area == \"prevention\", f => f.indicator == \"q1.prevention.priority\")",
        "count(f => f.indicator in [\"q1.prevention.crime-change\", \"q1.partnership.working\"] and f.area == \"prevention\") == 1",
        "any(f => (f.indicator == \"q1.prevention.priority\" or f.indicator == \"q1.partnership.working\") and f.area == \"prevention\")",
        // The quoted finding sets the extreme, and comes from the extreme's own findings, not the other evidence.
        "best(f => f.indicator == \"q1.prevention.priority\") no better than mostly-effective and any(f => f.indicator == \"q1.partnership.working\")",
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void NarrowedSources_DecideLikeScanningEveryFinding(string when)
    {
        var condition = Bind(when);
        var narrowed = ConditionCompiler.ForFindings(condition);
        var everything = ConditionCompiler.ForEvidence(condition, _ => EvidenceLayout.AllFindings).Compile();

        var property = Prop.ForAll(FindingsArbitrary(), findings =>
            narrowed(findings) == everything(new QuestionEvidence("Q1", [.. findings], [])));

        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    /// <summary>
    /// A met criterion's evidence and the finding its message quotes, from the narrowed sources with the tests they
    /// guarantee left out, are what the definition gives over every finding: for a positive aggregate the findings
    /// its whole filter matches, for one under `not` the findings it examined; the quoted finding sets the first
    /// positive extreme (lowest id on ties), or else is the first piece of evidence.
    /// </summary>
    [Theory]
    [MemberData(nameof(Conditions))]
    public void NarrowedSources_GiveTheEvidenceTheDefinitionGives(string when)
    {
        var condition = Bind(when);
        var witnesses = new List<WitnessSource>();
        RulebookChecker.CollectWitnesses(condition, positive: true, witnesses);
        var criterion = new CheckedCriterion(0, Model.Value.Criteria[0], 0, condition, witnesses, new HashSet<string>());
        var builder = new EvidenceLayout.Builder("Q1");
        ConditionCompiler.ForEvidence(condition, builder.SourceOf);
        var layout = builder.Build();
        // The runtime interprets and the oracle is emitted IL: the two modes are checked against each other too.
        var runtime = new CriterionRuntime(criterion, layout, ExpressionMode.Interpreted);
        var oracle = witnesses.Select(w => (
            Witness: w,
            Matches: ConditionCompiler.CompileFindingPredicate(w.Filter, _ => EvidenceLayout.AllFindings, overItsSource: false, ExpressionMode.Compiled)!,
            Key: w.Aggregate.Kind switch
            {
                AggregateKind.Worst or AggregateKind.Best => (e, f) => f.Rank,
                AggregateKind.Min or AggregateKind.Max => ConditionCompiler.CompileFindingNumber(w.Aggregate.Second!, _ => EvidenceLayout.AllFindings, ExpressionMode.Compiled),
                _ => (Func<QuestionEvidence, FindingFact, decimal?>?)null,
            })).ToList();

        var property = Prop.ForAll(FindingsArbitrary(), findings =>
        {
            var everything = new QuestionEvidence("Q1", [.. findings], []);
            var expected = oracle
                .SelectMany(o => findings.Where(f => o.Witness.Positive
                    ? o.Matches(everything, f)
                    : o.Witness.Aggregate is { Kind: AggregateKind.All, Second: null } || o.Witness.Filter.Variable.Candidates.Any(i => i.Id == f.IndicatorId)))
                .Distinct().OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
            var extreme = oracle.FirstOrDefault(o => o.Witness.Positive && o.Key is not null);
            var quoted = extreme.Key is null
                ? expected.FirstOrDefault()
                : findings.Where(f => extreme.Matches(everything, f) && extreme.Key(everything, f) is not null)
                    .Select(f => (Finding: f, Key: extreme.Key(everything, f)!.Value))
                    .Aggregate(((FindingFact Finding, decimal Key)?)null, (best, next) =>
                        best is null || (extreme.Witness.Aggregate.Kind is AggregateKind.Worst or AggregateKind.Max ? next.Key > best.Value.Key : next.Key < best.Value.Key) ? next : best)
                    ?.Finding ?? expected.FirstOrDefault();

            var met = runtime.Met(layout.Gather(findings));
            return met.Witnesses.Select(f => f.Id).SequenceEqual(expected.Select(f => f.Id)) && met.Representative == quoted;
        });

        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    internal static Arbitrary<FindingFact[]> FindingsArbitrary()
    {
        var one = from indicator in Gen.Choose(0, Indicators.Length - 1)
                  from level in Gen.Choose(0, 3)
                  from number in Gen.Choose(-6, 9)
                  from flag in Gen.Elements(true, false)
                  select (indicator, level, number, flag);
        return Gen.ListOf(one).Select(list => list.Take(12).Select((f, i) => Fact(i, f.indicator, f.level, f.number, f.flag)).ToArray()).ToArbitrary();
    }

    private static FindingFact Fact(int index, int indicatorIndex, int level, int number, bool flag)
    {
        var span = new SourceSpan("findings.yaml", 1, 1);
        var indicator = Model.Value.Codebook.Find(Indicators[indicatorIndex])!;
        var finding = new Finding($"F{index:D3}", "Q1", indicator.Id,
            indicator.Type == IndicatorType.Judgement ? indicator.Scale!.Levels[level] : null,
            indicator.Type == IndicatorType.Number ? number : null,
            indicator.Type == IndicatorType.YesNo ? flag : null,
            "quote", "source", FieldSpans.None(span));
        return new FindingFact(finding, indicator);
    }

    internal static BoundExpr Bind(string when) =>
        TestKit.BindCondition(when, new ConditionContext.Findings(Model.Value.FindQuestion("Q1")!, Model.Value.Codebook));
}
