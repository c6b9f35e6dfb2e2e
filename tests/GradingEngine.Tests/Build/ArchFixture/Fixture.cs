// A miniature of the engine's layering with one deliberate back-reference, for ArchitectureTests to catch:
// it shows the layering rule fails when a lower stage references a higher one.
namespace GradingEngine.Tests.Build.ArchFixture.Check
{
    internal sealed class Checker
    {
        // Check must not reach up into Compile.
        public Compile.Compiler? BackReference { get; init; }
    }
}

namespace GradingEngine.Tests.Build.ArchFixture.Compile
{
    internal sealed class Compiler
    {
        public Check.Checker? Checked { get; init; }
    }
}
