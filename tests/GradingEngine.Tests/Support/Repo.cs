namespace GradingEngine.Tests.Support;

/// <summary>Paths in the repository, found from the test binary by walking up to GradingEngine.sln.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string DefaultRules => Path.Combine(Root, "rules", "peel-2015-effectiveness");

    /// <summary>The folder the shipped rulebook's seed case may name findings in (`rules test --findings-root`).</summary>
    public static string Seeds => Path.Combine(Root, "seeds");

    public static string SeedFolder => Path.Combine(Root, "seeds", "west-mercia-2015");

    public static string SeedFindings => Path.Combine(SeedFolder, "findings.yaml");

    public static string SeedProposed => Path.Combine(SeedFolder, "proposed.yaml");

    public static string Docs => Path.Combine(Root, "docs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GradingEngine.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("GradingEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
