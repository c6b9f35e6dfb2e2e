using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Model;
using NRules;

namespace GradingEngine.Evaluate;

/// <summary>Runs each inspection through its own NRules session, created from the rulebook's one session factory.</summary>
internal static class InspectionEvaluator
{
    /// <summary>
    /// How many inspections <see cref="EvaluateInStep"/> takes through the network together. Every
    /// session walks every criterion's nodes once; on a large rulebook they outgrow a core's cache, and
    /// taken two at a time a question's nodes are still cached for the second session. Larger steps
    /// keep more sessions alive for every collection on two threads (docs/performance.md, scaling).
    /// </summary>
    public const int StepSize = 2;

    public static Evaluation Evaluate(CompiledRulebook compiled, Inspection inspection) =>
        Step(compiled, [inspection])[0];

    /// <summary>
    /// Evaluates inspections <see cref="StepSize"/> at a time, side by side: a step's sessions are
    /// created together, then each question's evidence goes into every session before the next
    /// question's. Each inspection still has its own session, so every evaluation is the one
    /// <see cref="Evaluate"/> gives; results are in the order of <paramref name="inspections"/>.
    /// </summary>
    public static Evaluation[] EvaluateInStep(CompiledRulebook compiled, IReadOnlyList<Inspection> inspections)
    {
        var evaluations = new Evaluation[inspections.Count];
        for (var start = 0; start < inspections.Count; start += StepSize)
        {
            var step = Step(compiled, [.. inspections.Skip(start).Take(StepSize)]);
            step.CopyTo(evaluations, start);
        }
        return evaluations;
    }

    private static Evaluation[] Step(CompiledRulebook compiled, IReadOnlyList<Inspection> inspections)
    {
        var rulebook = compiled.Rulebook;
        var sessions = new ISession[inspections.Count];
        var findings = new List<FindingFact>[inspections.Count];
        var evidence = new QuestionEvidence[inspections.Count][];
        for (var i = 0; i < inspections.Count; i++)
        {
            if (!compiled.Covers(inspections[i]))
            {
                // Its left-out criteria were decided for other findings: grading this inspection with it would be wrong.
                throw new InvalidOperationException($"engine error: inspection `{inspections[i].Id}` has findings of indicators the rulebook was not compiled for");
            }
            sessions[i] = compiled.Sessions.CreateSession();
        }
        for (var i = 0; i < inspections.Count; i++)
        {
            // Canonical order: whatever order the file lists findings in, the session sees the same sequence.
            findings[i] = inspections[i].Findings
                .OrderBy(f => f.Id, StringComparer.Ordinal)
                .Select(f => new FindingFact(f, rulebook.Codebook.Find(f.IndicatorId)!, rulebook.Codebook))
                .ToList();
            var byQuestion = findings[i].ToLookup(f => f.QuestionId, StringComparer.Ordinal);
            evidence[i] = [.. rulebook.Questions.Select(q => compiled.Evidence[q.Id].Gather([.. byQuestion[q.Id]]))];
            for (var q = 0; q < compiled.MetWithoutFindings.Count; q++)
            {
                // Recorded as its rule would have: before the profile, which waits for OutcomesComplete, sums the outcomes.
                foreach (var criterion in compiled.MetWithoutFindings[q]) RuleActions.CriterionMet(criterion, evidence[i][q]);
            }
        }
        for (var q = 0; q < rulebook.Questions.Count; q++)
        {
            for (var i = 0; i < inspections.Count; i++)
            {
                sessions[i].Insert(evidence[i][q]);
            }
        }
        var evaluations = new Evaluation[inspections.Count];
        for (var i = 0; i < inspections.Count; i++)
        {
            evaluations[i] = Finish(rulebook, inspections[i], sessions[i], findings[i], evidence[i]);
        }
        return evaluations;
    }

    private static Evaluation Finish(Rulebook rulebook, Inspection inspection, ISession session, List<FindingFact> findings, QuestionEvidence[] evidence)
    {
        // Stage 1: only criterion rules can match yet; each met criterion records its outcome on its evidence.
        session.Fire();
        // Stage 2: the marker profiles wait for; each sums its question's outcomes, then its thresholds decide.
        session.Insert(new OutcomesComplete());
        session.Fire();
        var met = evidence.SelectMany(e => e.Met).OrderBy(m => m.CriterionIndex).ToList();

        // Query<T>() is an IQueryable: read it as a plain sequence, or every read builds and compiles a query.
        var grades = session.Query<QuestionGradeFact>().AsEnumerable().ToList();
        if (grades.Count != rulebook.Questions.Count)
        {
            // The checker proves every table total, so this is a bug in the engine, not in the input.
            throw new InvalidOperationException($"engine error: {grades.Count} question grades for {rulebook.Questions.Count} questions");
        }
        var order = rulebook.Questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return new Evaluation(inspection, findings, met, [.. grades.OrderBy(g => order[g.QuestionId])]);
    }
}
