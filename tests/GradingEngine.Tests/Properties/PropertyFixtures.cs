using GradingEngine.Tests.Load;
using FsCheck;
using FsCheck.Fluent;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Diagnostics;
using GradingEngine.Model;
using GradingEngine.Render;
using GradingEngine.Tests.Support;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// What the property tests share: the shipped rulebook and the mini rulebook, each compiled once per
/// test run, the seed inspection, and a generator of outcome profiles.
/// </summary>
internal static class PropertyFixtures
{
    private static readonly Lazy<CompiledRulebook> ShippedLazy = new(() => Succeed(GradingPipeline.LoadRulebook(Repo.DefaultRules), Repo.DefaultRules));

    private static readonly Lazy<Inspection> SeedLazy = new(() => Succeed(GradingPipeline.LoadInspection(Repo.SeedFindings, Shipped), Repo.SeedFindings));

    private static readonly Lazy<CompiledRulebook> MiniLazy = new(() =>
    {
        // The compiled rulebook keeps nothing open in its folder, so the folder can go at once.
        using var temp = new TempFolder();
        var directory = new MiniRulebook().WriteTo(temp);
        return Succeed(GradingPipeline.LoadRulebook(directory), directory);
    });

    /// <summary>rules/peel-2015-effectiveness, compiled.</summary>
    public static CompiledRulebook Shipped => ShippedLazy.Value;

    /// <summary>seeds/west-mercia-2015/findings.yaml, loaded against <see cref="Shipped"/>.</summary>
    public static Inspection Seed => SeedLazy.Value;

    /// <summary><see cref="MiniRulebook"/>, compiled.</summary>
    public static CompiledRulebook Mini => MiniLazy.Value;

    public static T Succeed<T>(Result<T> result, string what)
        where T : class =>
        result.Succeeded
            ? result.Value!
            : throw new InvalidOperationException($"{what} did not load:\n" + string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)));

    /// <summary>
    /// Met criteria of one question as weights per effect (in the order of <see cref="TestKit.Effects"/>): 0..8
    /// criteria per effect, each of weight 1..3, so counts and weights are always consistent.
    /// </summary>
    public static Gen<ProfileSpec> Profiles { get; } =
        Gen.Choose(0, 8)
            .SelectMany(n => Gen.Choose(1, 3).ArrayOf(n))
            .ArrayOf(TestKit.Effects.Count)
            .Select(weights => new ProfileSpec(weights));

    /// <summary>One more met criterion: its weight, 1..3.</summary>
    public static Gen<int> ExtraWeight { get; } = Gen.Choose(1, 3);
}

/// <summary>The met criteria of a question, as a weight per criterion for each effect.</summary>
public sealed record ProfileSpec(int[][] Weights)
{
    public int Count(int effect) => Weights[effect].Length;

    public int Weight(int effect) => Weights[effect].Sum();

    internal OutcomeProfile ToProfile(string questionId) =>
        OutcomeProfile.Of(
            questionId,
            Enumerable.Range(0, Weights.Length).Select(Count).ToArray(),
            Enumerable.Range(0, Weights.Length).Select(Weight).ToArray(),
            // One finding per met criterion, none labelled with a kind: the shipped limits read the kind counts.
            findings: Weights.Sum(w => w.Length),
            kinds: new int[PropertyFixtures.Shipped.Rulebook.Codebook.Kinds.Count]);

    /// <summary>The same profile with one more met criterion of effect <paramref name="effect"/> weighing <paramref name="weight"/>.</summary>
    public ProfileSpec Adding(int effect, int weight) =>
        new(Weights.Select((w, i) => i == effect ? [.. w, weight] : w).ToArray());

    public override string ToString() =>
        string.Join(", ", TestKit.Effects.Select((e, i) => $"{e.Plural} {Count(i)} (weight {Weight(i)})"));
}
