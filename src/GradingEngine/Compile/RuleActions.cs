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

    public static void CriterionMet(IContext context, CriterionRuntime criterion, IEnumerable<FindingFact> findings) =>
        Yield(context, criterion.Met(findings));

    public static void Profile(IContext context, QuestionScope scope, IEnumerable<CriterionMet> outcomes) =>
        Yield(context, OutcomeProfile.Of(scope.QuestionId, outcomes));

    public static void QuestionGrade(IContext context, OutcomeProfile profile, int rank, int ruleIndex) =>
        Yield(context, new QuestionGradeFact(profile.QuestionId, rank, ruleIndex, profile));

    public static void OverallGrade(IContext context, int rank, int ruleIndex) =>
        Yield(context, new OverallGradeFact(rank, ruleIndex));
}
