using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>One question whose grade would have to be different for the overall grade to change.</summary>
public sealed record QuestionChange(Question Question, Grade From, Grade To);
