using System.Runtime.CompilerServices;

namespace GradingEngine.Tests.Support;

/// <summary>
/// The CLI keeps rulebook proofs under `GRADING_CACHE_DIR` (else the user's cache folder): tests that run it in this
/// process keep theirs in a folder of this test run's own, never in the home folder of the machine running the tests.
/// </summary>
internal static class TestCache
{
    [ModuleInitializer]
    internal static void UseOwnCacheFolder()
    {
        if (Environment.GetEnvironmentVariable("GRADING_CACHE_DIR") is { Length: > 0 }) return;
        Environment.SetEnvironmentVariable("GRADING_CACHE_DIR",
            Path.Combine(Path.GetTempPath(), $"grading-tests-cache-{Environment.ProcessId}"));
    }
}
