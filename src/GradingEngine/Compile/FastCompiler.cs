using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace GradingEngine.Compile;

/// <summary>
/// Compiles NRules' expression trees, and the engine's own, in one <see cref="ExpressionMode"/>.
/// Compiled, FastExpressionCompiler emits IL directly instead of going through Expression.Compile:
/// rulebook compilation is dominated by compiling a few thousand small lambdas. It falls back to
/// Expression.Compile for any shape FastExpressionCompiler declines. Without dynamic code (a native
/// AOT build of the CLI) nothing can emit IL, so every expression goes to System.Linq.Expressions'
/// interpreter instead, whatever the mode.
/// </summary>
internal sealed class FastCompiler(ExpressionMode mode) : IExpressionCompiler
{
    private static readonly FastCompiler Interpreting = new(ExpressionMode.Interpreted);

    /// <summary>For compilations outside a compiled rulebook (the checker's analyses): emitted where possible.</summary>
    public static FastCompiler Default { get; } = new(ExpressionMode.Compiled);

    public static FastCompiler For(ExpressionMode mode) => mode == ExpressionMode.Compiled ? Default : Interpreting;

    public ExpressionMode Mode { get; } = RuntimeFeature.IsDynamicCodeSupported ? mode : ExpressionMode.Interpreted;

    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate =>
        RuntimeFeature.IsDynamicCodeSupported && Mode == ExpressionMode.Compiled
            ? Emit(expression)
            : expression.Compile(preferInterpretation: true);

    // FastExpressionCompiler is marked unsafe for trimming as a whole. It is only reached when dynamic code is
    // supported, and the only trimmed build of this code is native AOT, where IsDynamicCodeSupported is the
    // constant false and the compiler removes this call with the branch above; a JIT build is never trimmed.
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "Only called when RuntimeFeature.IsDynamicCodeSupported, which is false in the only trimmed (native AOT) build.")]
    private static TDelegate Emit<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate =>
        expression.CompileFast(ifFastFailedReturnNull: true) ?? expression.Compile();
}
