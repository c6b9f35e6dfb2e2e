using GradingEngine.Facts;
using NRules.RuleModel;

namespace GradingEngine.Compile;

/// <summary>The only things a compiled rule's action does: record a criterion's outcome, or yield one linked fact.</summary>
internal static class RuleActions
{
    private const string Key = "result";

    /// <summary>Inserts the rule's linked fact, or replaces it when the rule fires again for changed inputs.</summary>
    public static void Yield(IContext context, object fact)
    {
        if (context.GetLinked(Key) is null)
        {
            context.InsertLinked(Key, fact);
        }
        else
        {
            context.UpdateLinked(Key, fact);
        }
    }

    /// <summary>
    /// A criterion rule matches one evidence fact, which is never updated during a session, so it fires
    /// at most once. Its outcome is recorded on the evidence rather than inserted as a linked fact, each
    /// of which NRules propagated into the question's profile aggregate on its own (a third of evaluation);
    /// the profile rule sums them once every criterion has fired.
    /// </summary>
    public static void CriterionMet(CriterionRuntime criterion, QuestionEvidence evidence) =>
        evidence.Record(criterion.Met(evidence));

    /// <summary>
    /// The question's profile: counts and weights summed over the set of its met criteria, whatever order they fired in,
    /// and its findings counted, in all and by kind, with its named values computed from its findings.
    /// </summary>
    public static void Profile(IContext context, QuestionEvidence scope, int effects, int kinds, ValuesRuntime values)
    {
        var (computed, inputs) = values.Compute(scope);
        Yield(context, OutcomeProfile.Of(scope.QuestionId, scope.Met, scope.All, effects, kinds, computed, inputs));
    }

    public static void QuestionGrade(IContext context, OutcomeProfile profile, int rank, int ruleIndex) =>
        Yield(context, new QuestionGradeFact(profile.QuestionId, rank, ruleIndex, profile));
}
