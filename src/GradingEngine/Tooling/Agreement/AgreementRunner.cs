using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Grading;
using GradingEngine.Load;
using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// `grading agree`: checks the rulebook, reads every coding (all problems at once), places both codings'
/// quotes in the one report they quote, aligns them, compiles the rulebook once, then compares each pair,
/// the pairs of a sample in parallel. The report does not depend on the order of findings or on threads.
/// </summary>
internal static class AgreementRunner
{
    public static Result<AgreementReport> Compare(RulebookSource rules, string codingA, string codingB, LoadLimits? limits = null, ProofCache? proofs = null) =>
        Run(rules, limits ?? LoadLimits.Default, proofs, _ => [new CodingPairFiles($"{Path.GetFileName(codingA)} / {Path.GetFileName(codingB)}", codingA, codingB)], sample: false);

    public static Result<AgreementReport> CompareSample(RulebookSource rules, string pairsFolder, LoadLimits? limits = null, ProofCache? proofs = null) =>
        Run(rules, limits ?? LoadLimits.Default, proofs, bag => PairsFolder.Find(pairsFolder, bag), sample: true);

    private static Result<AgreementReport> Run(RulebookSource rules, LoadLimits limits, ProofCache? proofs, Func<DiagnosticBag, IReadOnlyList<CodingPairFiles>> find, bool sample)
    {
        var checkedRulebook = Grader.CheckRulebook(rules, limits, proofs);
        if (!checkedRulebook.Succeeded) return Result<AgreementReport>.Fail(checkedRulebook.Diagnostics);
        var rulebook = checkedRulebook.Value!.Rulebook;
        var bag = new DiagnosticBag();
        var files = find(bag);
        var codings = files.Select(f => Read(f, rulebook, limits, bag)).ToList();
        if (bag.HasErrors || codings.Any(c => c is null)) return Result<AgreementReport>.Fail(bag.ToSortedList());
        var aligned = codings.Select(c => c!.Value).Select(c =>
        {
            var alignment = PassageAligner.Align(c.A.Findings, c.B.Findings);
            return (c.A, c.B, c.Report, Alignment: alignment, Disagreements: CodingDisagreement.Of(alignment));
        }).ToList();
        // Each pair grades both codings, then each coding once per disagreement with the other's version of it.
        var compiled = RulebookCompiler.Compile(checkedRulebook.Value!, RulebookCompiler.ModeFor(aligned.Sum(c => 2 + 2 * c.Disagreements.Count)));
        var comparisons = new CodingComparison[aligned.Count];
        Parallel.For(0, aligned.Count, i =>
        {
            var c = aligned[i];
            comparisons[i] = CompareOne(compiled, files[i].Name, c.A, c.B, c.Report, c.Alignment, c.Disagreements);
        });
        var pooled = sample ? Pool(rulebook, comparisons) : null;
        bag.AddRange(checkedRulebook.Diagnostics);
        return Result<AgreementReport>.Ok(new AgreementReport(rulebook, comparisons, pooled), bag.ToSortedList());
    }

    private static CodingComparison CompareOne(CompiledRulebook compiled, string name, Inspection a, Inspection b, string? report, Alignment alignment, IReadOnlyList<CodingDisagreement> disagreements)
    {
        var regrader = new CodingRegrader(compiled, a, b);
        var grades = regrader.Subjects.Select(s => new SubjectGrades(s, regrader.GradesA[s], regrader.GradesB[s])).ToList();
        var differing = grades.Where(g => g.Differ && g.Subject != ProposedGrades.OverallKey).Select(g => g.Subject).ToHashSet(StringComparer.Ordinal);
        return new CodingComparison(name, a, b, report, alignment, disagreements,
            AgreementFigures.Of(compiled.Rulebook, [(a, b, alignment)]),
            grades,
            ImpactAnalyzer.Rank(regrader, disagreements),
            [.. grades.Where(g => g.Differ).Select(g => ExplanationSearch.Explain(regrader, g, disagreements, differing))]);
    }

    private static SampleAgreement Pool(Rulebook rulebook, IReadOnlyList<CodingComparison> comparisons) =>
        new(AgreementFigures.Of(rulebook, [.. comparisons.Select(c => (c.A, c.B, c.Alignment))]),
            [.. comparisons[0].Grades.Select((g, s) => new SubjectTally(g.Subject, new Tally(comparisons.Count, comparisons.Count(c => !c.Grades[s].Differ))))]);

    /// <summary>Both codings of a pair, their quotes placed in the report they quote; null when either does not load.</summary>
    private static (Inspection A, Inspection B, string? Report)? Read(CodingPairFiles files, Rulebook rulebook, LoadLimits limits, DiagnosticBag bag)
    {
        var a = Load(files.A, rulebook, limits, bag);
        var b = Load(files.B, rulebook, limits, bag);
        return a is null || b is null ? null : ReportPlaces.Place(a, b, limits, bag);
    }

    /// <summary>One coding: a YAML or JSON findings file, or a CSV file holding exactly one inspection.</summary>
    private static Inspection? Load(string path, Rulebook rulebook, LoadLimits limits, DiagnosticBag bag)
    {
        if (!Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return InspectionLoader.Load(path, rulebook, limits, bag);
        }
        var inspections = CsvFindingsLoader.Load(path, rulebook, limits, bag);
        if (inspections is null) return null;
        if (inspections.Count == 1) return inspections[0];
        bag.Error(DiagnosticCodes.NotOneInspection, SourceSpan.FileStart(path), FormattableString.Invariant($"a coding holds one inspection, this file holds {inspections.Count}"),
            "give `agree` one inspection per coding: split the CSV file by its `inspection` column");
        return null;
    }
}
