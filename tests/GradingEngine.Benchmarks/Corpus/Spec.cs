using System.Globalization;

namespace GradingEngine.Benchmarks.Corpus;

// The generator's own model of a rulebook: a small condition AST that every variant is derived from.
// The engine gets it as YAML text, RulesEngine as Dynamic LINQ, Roslyn as C#, and the hand-written
// baseline as composed delegates. One source, four renderings: the variants cannot drift apart.

public enum JOp { Eq, Ne, Worse, Better, NoWorse, NoBetter }

public enum NOp { Lt, Le, Gt, Ge, Eq }

public enum NumAgg { Max, Min, Sum }

public enum EffectKind { Strength, AreaForImprovement, CauseOfConcern, NotablePractice }

/// <summary>One test on one finding; a filter is the conjunction of its tests.</summary>
public abstract record FTest;

public sealed record IndicatorIs(string Id) : FTest;

public sealed record IndicatorIn(string[] Ids) : FTest;

public sealed record AreaIs(string Area) : FTest;

/// <summary>`f.judgement OP level`; ranks count from 0 = best.</summary>
public sealed record JudgementTest(JOp Op, int Rank, string Level) : FTest;

/// <summary>`f.value OP n` on a number indicator; constants are whole numbers (see Renderers).</summary>
public sealed record ValueTest(NOp Op, int Value) : FTest;

/// <summary>`f.value` or `not f.value` on a yes-no indicator.</summary>
public sealed record FlagTest(bool Value) : FTest;

public sealed record Filter(FTest[] Tests)
{
    public static Filter Of(params FTest[] tests) => new(tests);
}

public abstract record Cond;

public sealed record AnyC(Filter F) : Cond;

/// <summary>`all(f => F, f => P)`: every finding matching F satisfies P.</summary>
public sealed record AllC(Filter F, Filter P) : Cond;

public sealed record CountC(Filter F, NOp Op, int N) : Cond;

/// <summary>`max/min/sum(f => F, f => f.value) OP n`.</summary>
public sealed record NumAggC(NumAgg Kind, Filter F, NOp Op, int N) : Cond;

/// <summary>`ratio(f => A, f => B) OP r`, with r a dyadic fraction (0.25, 0.5, 0.75) so every rendering is exact.</summary>
public sealed record RatioC(Filter A, Filter B, NOp Op, decimal R) : Cond;

/// <summary>`worst/best(f => F) OP level`.</summary>
public sealed record RankAggC(bool Worst, Filter F, JOp Op, int Rank, string Level) : Cond;

public sealed record AndC(Cond L, Cond R) : Cond;

public sealed record OrC(Cond L, Cond R) : Cond;

public sealed record NotC(Cond C) : Cond;

public sealed record ScaleSpec(string Id, string[] Levels);

public enum IndicatorKind { Judgement, Number, YesNo }

public sealed record IndicatorSpec(string Id, string Question, string Area, IndicatorKind Kind, ScaleSpec? Scale, double Popularity);

public sealed record AreaSpec(string Id, string Title);

public sealed record QuestionSpec(string Id, string Title, AreaSpec[] Areas, IndicatorSpec[] Indicators);

public sealed record CriterionSpec(int Index, string Id, string Question, string Area, EffectKind Effect, int Weight, Cond When);

/// <summary>
/// A threshold row over the counts of met criteria: all present bounds must hold. Each bound is
/// monotone (fewer causes of concern and areas for improvement, more strengths), so a first-match
/// table of such rows is monotone.
/// </summary>
public sealed record ThresholdRow(int GradeRank, int? MaxConcerns, int? MaxAreas, int? MinStrengths, int? AreasAtMostStrengthsPlus)
{
    public bool Otherwise => MaxConcerns is null && MaxAreas is null && MinStrengths is null && AreasAtMostStrengthsPlus is null;
}

/// <summary>A roll-up row: `count(q => q.grade == G) OP n` atoms and an optional `all(q => q.grade no worse than G)`.</summary>
public sealed record RollupRow(int GradeRank, (int Rank, NOp Op, int N)[] Counts, int? AllNoWorseThan)
{
    public bool Otherwise => Counts.Length == 0 && AllNoWorseThan is null;
}

public sealed record RulebookSpec(
    string Id,
    string[] Grades,
    ScaleSpec[] Scales,
    QuestionSpec[] Questions,
    CriterionSpec[] Criteria,
    IReadOnlyDictionary<string, ThresholdRow[]> Thresholds,
    RollupRow[] Rollup)
{
    public int QuestionIndex(string id) => Array.FindIndex(Questions, q => q.Id == id);

    public IEnumerable<CriterionSpec> CriteriaOf(string question) => Criteria.Where(c => c.Question == question);
}

public sealed record FindingSpec(string Id, string Question, string Indicator, string? Judgement, decimal? Number, bool? Flag, string Quote, string Source);

/// <param name="Proposed">The grades an inspector proposes, by question then overall: indexes into the grade scale.</param>
public sealed record InspectionSpec(string Id, string Force, FindingSpec[] Findings, int[] Proposed);

internal static class Fmt
{
    public static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    public static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
