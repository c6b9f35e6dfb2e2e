using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Golden;

/// <summary>
/// Compares output with a checked-in file. Set GRADING_UPDATE_GOLDEN=1 to rewrite the files after an
/// intended change, then review the diff like any other change.
/// </summary>
public static class Golden
{
    public static string PathOf(string name) => Path.Combine(Repo.Root, "tests", "GradingEngine.Tests", "Golden", "files", name);

    public static void Verify(string name, string actual)
    {
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable("GRADING_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with GRADING_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }
}
