using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Diagnostics;
using GradingEngine.Grading;
using GradingEngine.Model;
using GradingEngine.Tooling.RuleTests;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// A published row with unknown question grades agrees exactly when some choice of those grades rolls up to the
/// published overall grade. The runner searches with bounds that rest on the roll-up being monotone; here every
/// choice is tried, on the shipped roll-up, for random rows.
/// </summary>
public class PublishedGradesProperties
{
    private static readonly Gen<int> Cell = Gen.Choose(-1, 3);

    [Property(MaxTest = 300)]
    public Property Run_SomeGrade_AgreesExactlyWhenSomeChoiceOfTheUnknownGradesGivesTheOverall()
    {
        var compiled = PropertyFixtures.Shipped;
        var scale = compiled.Rulebook.Scale;
        var questions = compiled.Rulebook.Questions.Count;
        var rows = Gen.Zip(Cell.ArrayOf(questions), Gen.Choose(0, scale.Grades.Count - 1)).ToArbitrary();
        return Prop.ForAll(rows, pair =>
        {
            var (cells, overall) = pair;
            var row = new PublishedRow("row", new SourceSpan("grades.csv", 2, 1), [.. cells.Select(c => c < 0 ? null : scale[c])], scale[overall]);
            var table = new PublishedTable("t", "d", "grades.csv", null, [row], [], "tests/t.yaml", new SourceSpan("tests/t.yaml", 1, 1));

            var result = new PublishedGradesRunner(compiled).Run(table).Rows[0];

            var expected = Choices(cells, scale.Grades.Count).Select(c => Grader.RollUp(compiled, [.. c.Select(r => scale[r])]).Grade).Distinct().ToList();
            return result.Agrees == expected.Contains(scale[overall])
                && result.Possible.SequenceEqual(scale.Grades.Where(expected.Contains));
        });
    }

    /// <summary>Every way to give the unknown cells (-1) a grade rank.</summary>
    private static IEnumerable<int[]> Choices(int[] cells, int levels)
    {
        var unknown = cells.Select((c, i) => (c, i)).Where(p => p.c < 0).Select(p => p.i).ToArray();
        var total = (int)Math.Pow(levels, unknown.Length);
        for (var n = 0; n < total; n++)
        {
            var filled = (int[])cells.Clone();
            var rest = n;
            foreach (var i in unknown)
            {
                filled[i] = rest % levels;
                rest /= levels;
            }
            yield return filled;
        }
    }
}
