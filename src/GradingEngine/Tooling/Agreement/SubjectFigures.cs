namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// Agreement on one question (or on all, subject `all`): findings each coder made, passages both coded and
/// findings only one did; agreement on indicator choice for the passages both coded; agreement on
/// judgements, per scale, for passages coded to the same judgement indicator; agreement on the values of
/// number and yes-no indicators. Every figure carries the number of items it rests on.
/// </summary>
internal sealed record SubjectFigures(
    string Subject,
    int FindingsA,
    int FindingsB,
    int Passages,
    int OnlyA,
    int OnlyB,
    KappaFigure Indicators,
    IReadOnlyList<WeightedKappaFigure> Judgements,
    Tally Values)
{
    public const string All = "all";
}
