using System.Diagnostics;
using GradingEngine.Check.Analysis;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;

namespace GradingEngine.Compile;

/// <summary>
/// A criterion's condition evaluated over no findings, without compiling it: the analyses' closures
/// (<see cref="ConditionClosures{T}"/>, the operators exactly as compiled) with every aggregate taken over an empty array
/// through the same <see cref="RuleOps"/> a compiled condition calls. So the value is the one the compiled criterion gives
/// when none of the indicators it reads has a finding (see <see cref="CompiledRulebook.Indicators"/>).
/// </summary>
internal sealed class EmptyEvidence : ConditionClosures<EmptyEvidence.Nothing>
{
    /// <summary>What the closures read: nothing.</summary>
    internal readonly record struct Nothing;

    private static readonly FindingFact[] None = [];
    private static readonly Func<FindingFact, decimal?> NoValue = static _ => null;

    public static bool Holds(BoundExpr condition) => new EmptyEvidence().Bool(condition)(default);

    protected override Func<Nothing, bool> BoolLeaf(BoundExpr e)
    {
        var value = e switch
        {
            BoundAggregate { Kind: AggregateKind.Any } => RuleOps.Any(None, RuleOps.EveryFinding),
            BoundAggregate { Kind: AggregateKind.All } => RuleOps.All(None, RuleOps.EveryFinding, RuleOps.EveryFinding),
            _ => throw Unexpected(e),
        };
        return _ => value;
    }

    protected override Func<Nothing, decimal?> NumberLeaf(BoundExpr e)
    {
        if (e is BoundNamedValue named) return Number(named.Definition);
        var value = e switch
        {
            BoundAggregate { Kind: AggregateKind.Count } => RuleOps.Count(None, RuleOps.EveryFinding),
            BoundAggregate { Kind: AggregateKind.Sum } => RuleOps.Sum(None, RuleOps.EveryFinding, NoValue),
            BoundAggregate { Kind: AggregateKind.Mean } => RuleOps.Mean(None, RuleOps.EveryFinding, NoValue),
            BoundAggregate { Kind: AggregateKind.Min } => RuleOps.Min(None, RuleOps.EveryFinding, NoValue),
            BoundAggregate { Kind: AggregateKind.Max } => RuleOps.Max(None, RuleOps.EveryFinding, NoValue),
            BoundAggregate { Kind: AggregateKind.Ratio } => RuleOps.Div(RuleOps.Count(None, RuleOps.EveryFinding), RuleOps.Count(None, RuleOps.EveryFinding)),
            BoundAggregate { Kind: AggregateKind.Percentage } => RuleOps.Percentage(None, RuleOps.EveryFinding),
            _ => throw Unexpected(e),
        };
        return _ => value;
    }

    protected override Func<Nothing, int?> RankLeaf(BoundExpr e)
    {
        var value = e switch
        {
            BoundAggregate { Kind: AggregateKind.Worst } => RuleOps.Worst(None, RuleOps.EveryFinding, RuleOps.FindingRank),
            BoundAggregate { Kind: AggregateKind.Best } => RuleOps.Best(None, RuleOps.EveryFinding, RuleOps.FindingRank),
            _ => throw Unexpected(e),
        };
        return _ => value;
    }

    // A field appears only inside an aggregate's lambda, which no finding reaches here.
    protected override Func<Nothing, string> TextLeaf(BoundExpr e) => throw new UnreachableException($"a text outside an aggregate: {e}");
}
