using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Batch;
using Xunit;

namespace GradingEngine.Tests.Tooling.Batch;

/// <summary>Planted inconsistencies: like cases proposed unlike must be found, with the criteria that make them alike.</summary>
public class ConsistencyTests
{
    [Fact]
    public void Run_IdenticalFindingsDifferentProposedGrades_ReportsASameCriteriaGroupWithTheCriteria()
    {
        // Arrange: two inspections with the same findings, hence the same criterion outcomes; one proposes outstanding for Q1.
        using var temp = new TempFolder();
        temp.Write("north/findings.yaml", BatchKit.MiniFindings("north", "Q1: good\n  Q2: good"));
        temp.Write("south/findings.yaml", BatchKit.MiniFindings("south", "Q1: outstanding\n  Q2: good"));

        // Act
        var report = BatchKit.Grade([temp.Path]);

        // Assert
        var group = Assert.Single(report.Consistency);
        Assert.Equal(("Q1", ConsistencyKind.SameCriteria), (group.QuestionId, group.Kind));
        Assert.Equal(["Q1.partnership-gap", "Q1.priority"], group.CommonCriteria);
        Assert.Equal(["north", "south"], group.Members.Select(m => m.Inspection.Id));
        Assert.Equal(["good", "outstanding"], group.Members.Select(m => m.Proposed.Id));
        Assert.All(group.Members, m => Assert.Equal("good", m.Computed.Id));
        Assert.All(group.Members, m => Assert.Equal(group.CommonCriteria, m.MetCriteria));
        Assert.Equal([("strengths", 1), ("areas-for-improvement", 1), ("causes-of-concern", 0), ("notable-practices", 0)],
            group.Profile.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void Run_IdenticalFindingsSameProposedGrades_ReportsNoGroup()
    {
        // Arrange
        using var temp = new TempFolder();
        temp.Write("north/findings.yaml", BatchKit.MiniFindings("north", "Q1: good"));
        temp.Write("south/findings.yaml", BatchKit.MiniFindings("south", "Q1: good"));
        temp.Write("west/findings.yaml", BatchKit.MiniFindings("west"));

        // Act
        var report = BatchKit.Grade([temp.Path]);

        // Assert
        Assert.Empty(report.Consistency);
    }

    [Fact]
    public void Run_IdenticalUpToWeightsDifferentProposedGrades_ReportsASameProfileGroup()
    {
        // Arrange: one strength and one area for improvement each, by different criteria of different weights.
        using var temp = new TempFolder();
        temp.Write("east/findings.yaml", BatchKit.MiniFindings("east", "Q1: good"));
        temp.Write("west/findings.yaml", BatchKit.SameProfileFindings("west", "Q1: requires-improvement"));

        // Act
        var report = BatchKit.Grade([temp.Path]);

        // Assert
        var group = Assert.Single(report.Consistency);
        Assert.Equal(("Q1", ConsistencyKind.SameProfile), (group.QuestionId, group.Kind));
        Assert.Empty(group.CommonCriteria);
        Assert.Equal(["east", "west"], group.Members.Select(m => m.Inspection.Id));
        Assert.Equal(["Q1.partnership-gap", "Q1.priority"], group.Members[0].MetCriteria);
        Assert.Equal(["Q1.crime-rising", "Q1.partnership"], group.Members[1].MetCriteria);
        Assert.Equal(["good", "requires-improvement"], group.Members.Select(m => m.Proposed.Id));
        Assert.Equal(1, group.Profile.Single(p => p.Key == "strengths").Value);
        Assert.Equal(1, group.Profile.Single(p => p.Key == "areas-for-improvement").Value);
    }

    [Fact]
    public void Run_SameCriteriaAndSameProfileGroups_OrderedByQuestionThenKind()
    {
        // Arrange: a same-criteria pair (north, south) and a third inspection equal to them up to weights.
        using var temp = new TempFolder();
        temp.Write("a/north.findings.yaml", BatchKit.MiniFindings("north", "Q1: good\n  Q2: good"));
        temp.Write("a/south.findings.yaml", BatchKit.MiniFindings("south", "Q1: outstanding\n  Q2: outstanding"));
        temp.Write("b/west.findings.yaml", BatchKit.SameProfileFindings("west", "Q1: requires-improvement"));

        // Act
        var report = BatchKit.Grade([temp.Path]);

        // Assert
        Assert.Equal([("Q1", ConsistencyKind.SameCriteria), ("Q1", ConsistencyKind.SameProfile), ("Q2", ConsistencyKind.SameCriteria)],
            report.Consistency.Select(g => (g.QuestionId, g.Kind)));
        Assert.Equal(["north", "south", "west"], report.Consistency[1].Members.Select(m => m.Inspection.Id));
        Assert.Equal(["Q2.quality"], report.Consistency[2].CommonCriteria);
    }

    [Fact]
    public void Run_ProposedGradesThatDisagree_RankedByDistanceThenSubjectThenId()
    {
        // Arrange: computed grades are Q1 good, Q2 good, overall good for every inspection here.
        using var temp = new TempFolder();
        temp.Write("x/findings.yaml", BatchKit.MiniFindings("zeta", "Q1: requires-improvement\n  Q2: good\n  overall: outstanding"));
        temp.Write("y/findings.yaml", BatchKit.MiniFindings("alpha", "Q1: good\n  Q2: inadequate\n  overall: requires-improvement"));
        temp.Write("z/findings.yaml", BatchKit.MiniFindings("beta", "Q1: outstanding\n  Q2: good\n  overall: good"));

        // Act
        var report = BatchKit.Grade([temp.Path]);

        // Assert
        Assert.Equal(
            [(2, "Q2", "alpha"), (1, "Q1", "beta"), (1, "Q1", "zeta"), (1, "overall", "alpha"), (1, "overall", "zeta")],
            report.Disagreements.Select(d => (d.Distance, d.Subject, d.Inspection.Id)));
        Assert.True(report.AnyDisagree);
    }

    [Fact]
    public void Run_SomeGradesProposed_AgreementCountsProposedGradesOnly()
    {
        // Arrange
        using var temp = new TempFolder();
        temp.Write("a/findings.yaml", BatchKit.MiniFindings("a", "Q1: good\n  overall: outstanding"));
        temp.Write("b/findings.yaml", BatchKit.MiniFindings("b", "Q1: outstanding"));
        temp.Write("c/findings.yaml", BatchKit.MiniFindings("c"));

        // Act
        var report = BatchKit.Grade([temp.Path]);

        // Assert
        Assert.Equal([("Q1", 2, 1, 0.5m), ("Q2", 0, 0, (decimal?)null), ("overall", 1, 0, 0m)],
            report.Agreement.Select(a => (a.Subject, a.Compared, a.Agreed, a.Rate)));
        Assert.Equal(("all", 3, 1, 0.3333m), (report.AllAgreement.Subject, report.AllAgreement.Compared, report.AllAgreement.Agreed, report.AllAgreement.Rate));
    }
}
