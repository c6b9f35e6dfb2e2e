using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace GradingEngine.Compile;

/// <summary>
/// Compiles NRules' expression trees with FastExpressionCompiler, which emits IL directly instead of
/// going through Expression.Compile: rulebook compilation is dominated by compiling a few thousand
/// small lambdas. Falls back to Expression.Compile for any shape FastExpressionCompiler declines.
/// </summary>
internal sealed class FastCompiler : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate =>
        Fast(expression);

    /// <summary>The engine's own compilations (analysis, evidence, what-if tables) use the same compiler.</summary>
    public static TDelegate Fast<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate =>
        expression.CompileFast(ifFastFailedReturnNull: true) ?? expression.Compile();
}
