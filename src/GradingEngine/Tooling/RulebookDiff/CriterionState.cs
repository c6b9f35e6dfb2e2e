namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>A criterion as one rulebook has it for one question of one inspection.</summary>
public sealed record CriterionState(bool Met, string Effect, int Weight, ItemLocation Location);
