using GradingEngine.Compile.Runtime;
using NRules.RuleModel;

namespace GradingEngine.Compile;

/// <summary>The only things a compiled rule's action does: yield one linked fact.</summary>
public static class RuleActions
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
    /// at most once: insert without first asking for a linked fact (that lookup was 6% of evaluation).
    /// </summary>
    public static void CriterionMet(IContext context, CriterionRuntime criterion, QuestionEvidence evidence) =>
        context.InsertLinked(Key, criterion.Met(evidence));

    public static void Profile(IContext context, QuestionEvidence scope, IEnumerable<CriterionMet> outcomes) =>
        Yield(context, OutcomeProfile.Of(scope.QuestionId, outcomes));

    public static void QuestionGrade(IContext context, OutcomeProfile profile, int rank, int ruleIndex) =>
        Yield(context, new QuestionGradeFact(profile.QuestionId, rank, ruleIndex, profile));

    public static void OverallGrade(IContext context, int rank, int ruleIndex) =>
        Yield(context, new OverallGradeFact(rank, ruleIndex));
}
