using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace GradingEngine.Compile;

/// <summary>
/// Compiles NRules' expression trees with FastExpressionCompiler, which emits IL directly instead of
/// going through Expression.Compile: rulebook compilation is dominated by compiling a few thousand
/// small lambdas. Falls back to Expression.Compile for any shape FastExpressionCompiler declines.
/// Without dynamic code (a native AOT build of the CLI) nothing can emit IL, so every expression goes
/// to System.Linq.Expressions' interpreter instead.
/// </summary>
internal sealed class FastCompiler : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate =>
        Fast(expression);

    /// <summary>The engine's own compilations (analysis, evidence, what-if tables) use the same compiler.</summary>
    public static TDelegate Fast<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate =>
        RuntimeFeature.IsDynamicCodeSupported ? Emit(expression) : expression.Compile(preferInterpretation: true);

    // FastExpressionCompiler is marked unsafe for trimming as a whole. It is only reached when dynamic code is
    // supported, and the only trimmed build of this code is native AOT, where IsDynamicCodeSupported is the
    // constant false and the compiler removes this call with the branch above; a JIT build is never trimmed.
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "Only called when RuntimeFeature.IsDynamicCodeSupported, which is false in the only trimmed (native AOT) build.")]
    private static TDelegate Emit<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate =>
        expression.CompileFast(ifFastFailedReturnNull: true) ?? expression.Compile();
}
