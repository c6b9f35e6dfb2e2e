using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>A limit whose condition held: its bound and whether it is what set the grade.</summary>
/// <param name="Index">Its position among the limits of its question (or of the roll-up).</param>
public sealed record LimitApplied(Limit Limit, int Index, Grade Bound, bool SetGrade);
