namespace GradingEngine.Compile.Runtime;

/// <summary>One per session: anchors the overall roll-up.</summary>
public sealed class InspectionScope
{
}
