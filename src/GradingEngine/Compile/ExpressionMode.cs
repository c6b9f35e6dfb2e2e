namespace GradingEngine.Compile;

/// <summary>
/// How a compiled rulebook runs its expression trees (criterion conditions, evidence filters, tables).
/// Both give the same results. Emitted IL runs faster once the JIT has compiled each condition, which
/// a long-running process or a large batch repays and a single `grading grade` does not
/// (docs/performance.md, "Interpreted or compiled"). A native AOT build has no JIT and always interprets.
/// </summary>
public enum ExpressionMode
{
    /// <summary>IL through FastExpressionCompiler: the fastest per inspection once warm.</summary>
    Compiled,

    /// <summary>System.Linq.Expressions' interpreter: no JIT, so the fastest for a few inspections.</summary>
    Interpreted,
}
