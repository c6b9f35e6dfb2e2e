using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Diagnostics;
using GradingEngine.Model;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Compile;

public class EvidenceLayoutTests
{
    private static readonly Lazy<Rulebook> Model = new(() => TestKit.Compile(new MiniRulebook()).Rulebook);

    private static Indicator Indicator(string id) => Model.Value.Codebook.Find(id)!;

    private static FindingFact Fact(string id, string indicator)
    {
        var span = new SourceSpan("findings.yaml", 1, 1);
        var ind = Indicator(indicator);
        var judgement = ind.Type == IndicatorType.Judgement ? ind.Scale!.Levels[0] : null;
        decimal? number = ind.Type == IndicatorType.Number ? 1m : null;
        bool? flag = ind.Type == IndicatorType.YesNo ? true : null;
        return new FindingFact(new Finding(id, ind.QuestionId, indicator, judgement, number, flag, "quote", "source", FieldSpans.None(span)), ind);
    }

    private const string Priority = "q1.prevention.priority";
    private const string Working = "q1.partnership.working";
    private const string Database = "q1.partnership.database";

    [Fact]
    public void SourceOf_SameIndicatorsInAnyOrder_IsOneSource()
    {
        var builder = new EvidenceLayout.Builder("Q1");

        var first = builder.SourceOf([Indicator(Priority), Indicator(Working)]);
        var again = builder.SourceOf([Indicator(Working), Indicator(Priority)]);
        var other = builder.SourceOf([Indicator(Priority)]);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(2, builder.Build().SourceCount);
    }

    [Fact]
    public void Gather_PutsEachFindingInEverySourceOfItsIndicator_InTheGivenOrder()
    {
        var builder = new EvidenceLayout.Builder("Q1");
        var both = builder.SourceOf([Indicator(Priority), Indicator(Working)]);
        var priority = builder.SourceOf([Indicator(Priority)]);
        var layout = builder.Build();
        FindingFact[] findings = [Fact("A", Working), Fact("B", Priority), Fact("C", Database), Fact("D", Priority)];

        var evidence = layout.Gather(findings);

        Assert.Equal("Q1", evidence.QuestionId);
        Assert.Equal(["A", "B", "D"], evidence.Source(both).Select(f => f.Id));
        Assert.Equal(["B", "D"], evidence.Source(priority).Select(f => f.Id));
        // A finding no aggregate reads is in no source, but still among all the question's findings.
        Assert.Equal(["A", "B", "C", "D"], evidence.Source(EvidenceLayout.AllFindings).Select(f => f.Id));
    }

    [Fact]
    public void Gather_NoFindings_GivesEmptySources()
    {
        var builder = new EvidenceLayout.Builder("Q1");
        var source = builder.SourceOf([Indicator(Priority)]);

        var evidence = builder.Build().Gather([]);

        Assert.Empty(evidence.Source(source));
        Assert.Empty(evidence.All);
    }

    [Fact]
    public void SourceOf_OnTheBuiltLayout_FindsRegisteredSourcesAndRefusesOthers()
    {
        var builder = new EvidenceLayout.Builder("Q1");
        var source = builder.SourceOf([Indicator(Priority)]);
        var layout = builder.Build();

        Assert.Equal(source, layout.SourceOf([Indicator(Priority)]));
        var error = Assert.Throws<InvalidOperationException>(() => layout.SourceOf([Indicator(Working)]));
        Assert.Contains("engine error", error.Message);
    }

    [Fact]
    public void Builder_AfterBuild_DoesNotChangeTheBuiltLayout()
    {
        var builder = new EvidenceLayout.Builder("Q1");
        builder.SourceOf([Indicator(Priority)]);
        var layout = builder.Build();

        builder.SourceOf([Indicator(Working)]);

        Assert.Equal(1, layout.SourceCount);
        Assert.Empty(layout.Gather([Fact("A", Working)]).Source(0));
    }
}
