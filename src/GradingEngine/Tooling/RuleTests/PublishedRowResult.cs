using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// A published row rolled up: the overall grades the roll-up gives for the row's question grades (one when every
/// question's grade is known or read as a grade; every grade some choice of the unknown ones gives otherwise, in
/// scale order), and the roll-up decision when there is one combination.
/// </summary>
/// <param name="ExpectedToDisagree">Whether the table lists the row in `disagree`.</param>
public sealed record PublishedRowResult(PublishedRow Row, IReadOnlyList<Grade> Possible, GradeDecision? Decision, bool ExpectedToDisagree)
{
    /// <summary>Whether there is a published overall grade to compare with.</summary>
    public bool Tested => Row.Overall is not null;

    /// <summary>Whether the roll-up can give the published overall grade for the row.</summary>
    public bool Agrees => Row.Overall is { } overall && Possible.Contains(overall);

    /// <summary>Whether the row is as the table expects: agreeing, or disagreeing when listed.</summary>
    public bool Holds => !Tested || Agrees != ExpectedToDisagree;
}
