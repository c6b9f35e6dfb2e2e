namespace GradingEngine.Tests.Tooling.RulebookDiff;

/// <summary>
/// The edits the diff tests make to a copy of the shipped rulebook, with what each does to the
/// West Mercia seed (Q1 good: strengths weight 18, areas for improvement weight 4; Q2 good:
/// strengths 21, areas for improvement 3; Q3, Q4 and overall requires improvement).
/// </summary>
public static class RulebookEdits
{
    public const string GoodRowOld = "causes-of-concern.count == 0 and areas-for-improvement.weight <= 5 and";
    public const string GoodRowNew = "causes-of-concern.count == 0 and areas-for-improvement.weight <= 3 and";

    /// <summary>Good allows area-for-improvement weight 3, not 5: Q1 (weight 4) drops to requires-improvement, Q2 (weight 3) stays good.</summary>
    public static RulebookCopy TightenGoodRow(this RulebookCopy copy) => copy.Replace("thresholds.yaml", GoodRowOld, GoodRowNew);

    public const string AddedCriterionId = "Q2.diff-test.added-concern";

    /// <summary>A cause of concern every seed investigation-quality finding meets: Q2 drops to requires-improvement.</summary>
    public const string AddedCriterion = """
          - id: Q2.diff-test.added-concern
            question: Q2
            area: investigating-crime-types
            title: Added by the rulebook diff tests
            rationale: a test of rules diff
            when: any(f => f.indicator == "q2.investigation.quality")
            effect: cause-of-concern
            weight: 3
            message: "Added concern: {judgement}"

        """;

    public static RulebookCopy AddCriterion(this RulebookCopy copy) => copy.Append("criteria/q2.yaml", AddedCriterion);

    /// <summary>A met Q1 strength of weight 3.</summary>
    public const string RemovedCriterionId = "Q1.resources.neighbourhood";

    public static RulebookCopy RemoveCriterion(this RulebookCopy copy) => copy.RemoveCriterion("criteria/q1.yaml", RemovedCriterionId);

    /// <summary>A met Q1 area for improvement, weight 3 → 5.</summary>
    public const string ReweightedCriterionId = "Q1.tactics.what-works-gap";

    public static RulebookCopy Reweight(this RulebookCopy copy) => copy.Replace("criteria/q1.yaml",
        "    effect: area-for-improvement\n    weight: 3\n    message: \"Problem solving is not routinely",
        "    effect: area-for-improvement\n    weight: 5\n    message: \"Problem solving is not routinely");

    public const string RollupGoodOld = "requires-improvement) and count(q => q.grade == requires-improvement) <= 1";

    /// <summary>Overall good allows two questions requiring improvement: the seed's overall grade rises to good.</summary>
    public static RulebookCopy LoosenRollupGoodRow(this RulebookCopy copy) =>
        copy.Replace("rollup.yaml", RollupGoodOld, "requires-improvement) and count(q => q.grade == requires-improvement) <= 2");

    /// <summary>
    /// Twenty numeric edits, as a methodology team's retune would make them: the weight of every third criterion of
    /// each criteria file (four per file, sixteen in all) up by one, and four conditions: the outstanding and good
    /// threshold rows, the evidence requirement and the good roll-up row. The seed's Q1 drops to requires-improvement.
    /// </summary>
    public static RulebookCopy TwentyNumericEdits(this RulebookCopy copy)
    {
        foreach (var file in new[] { "q1", "q2", "q3", "q4" })
        {
            var seen = 0;
            var edited = copy.EditLines($"criteria/{file}.yaml", (line, changed) =>
            {
                var weight = System.Text.RegularExpressions.Regex.Match(line, @"^(\s+weight: )(\d+)$");
                if (!weight.Success || changed == 4 || seen++ % 3 != 1) return line;
                return weight.Groups[1].Value + (int.Parse(weight.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1);
            });
            Xunit.Assert.Equal(4, edited);
        }
        return copy
            .Replace("thresholds.yaml", "notable-practices.count >= 1 and strengths.weight >= 12", "notable-practices.count >= 1 and strengths.weight >= 10")
            .Replace("thresholds.yaml", GoodRowOld, GoodRowOld.Replace("<= 5", "<= 4", StringComparison.Ordinal))
            .Replace("thresholds.yaml", "- when: count(f => true) >= 1", "- when: count(f => true) >= 2")
            .LoosenRollupGoodRow();
    }
}
