using System.Diagnostics.CodeAnalysis;

// Native AOT analysis warnings on the rule compiler, reported when the CLI is published with PublishAot, each checked
// by hand and by the AOT build's output being byte-identical to the JIT build's (docs/performance.md). They are listed
// here rather than put on the members because RulebookCompiler and ConditionCompiler are being rewritten: a rewritten
// member has a new signature, so its warnings come back to be checked again instead of staying silenced. The fix that
// needs no suppression belongs in those files: Expression.Lambda<TDelegate> with the delegate type written out (for
// example Func<OutcomeProfile, bool>) instead of Expression.Lambda(body, parameters), and see Aggregate below.
//
// Expression.Lambda(body, parameters) makes its delegate type at run time (Func<...>.MakeGenericType). Each lambda here
// has one or two parameters, all classes, and returns bool, decimal? or int?; native AOT builds these Func types over
// the shared code for classes. What would truly need dynamic code is a lambda of more than 16 parameters, which has
// no Func type and needs a delegate type emitted.
[assembly: UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode", Scope = "member",
    Target = "M:GradingEngine.Compile.RulebookCompiler.QuestionGradeRule(System.String,GradingEngine.Check.CheckedTable,GradingEngine.Check.CheckedGradeRule)",
    Justification = "Expression.Lambda over OutcomeProfile returning bool: see above.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode", Scope = "member",
    Target = "M:GradingEngine.Compile.RulebookCompiler.OverallRule(GradingEngine.Check.CheckedTable,GradingEngine.Check.CheckedGradeRule,System.Int32)",
    Justification = "Expression.Lambda over IEnumerable<QuestionGradeFact> returning bool: see above.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode", Scope = "member",
    Target = "M:GradingEngine.Compile.RulebookCompiler.QuestionIs``1(System.String,System.Linq.Expressions.Expression{System.Func{``0,System.String}},System.String)",
    Justification = "Expression.Lambda over a fact class returning bool: see above.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode", Scope = "member",
    Target = "M:GradingEngine.Compile.ConditionCompiler.TrueFilter(System.Type)",
    Justification = "Expression.Lambda over FindingFact or QuestionGradeFact returning bool: see above.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode", Scope = "member",
    Target = "M:GradingEngine.Compile.ConditionCompiler.Lambda(GradingEngine.Check.Binding.BoundLambda)",
    Justification = "Expression.Lambda over FindingFact or QuestionGradeFact returning bool, decimal? or int?: see above.")]
// ConditionCompiler.Aggregate also calls MakeGenericMethod on RuleOps.Any<T> ... Ratio<T> with T FindingFact or
// QuestionGradeFact. Those classes share one compiled body per method (the canonical form), which the AOT compiler
// generates because ConditionCompiler.Ops names each method in an expression tree; and no type parameter of RuleOps
// carries DynamicallyAccessedMembers requirements, which is what IL2060 guards.
[assembly: UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode", Scope = "member",
    Target = "M:GradingEngine.Compile.ConditionCompiler.Aggregate(GradingEngine.Check.Binding.BoundAggregate)",
    Justification = "Expression.Lambda as above, and MakeGenericMethod over reference types only: see above.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2060:MakeGenericMethod", Scope = "member",
    Target = "M:GradingEngine.Compile.ConditionCompiler.Aggregate(GradingEngine.Check.Binding.BoundAggregate)",
    Justification = "RuleOps' type parameters have no DynamicallyAccessedMembers requirements: see above.")]
