using GradingEngine.Benchmarks.Variants;

namespace GradingEngine.Benchmarks.Corpus;

/// <summary>What to generate. Questions 0 = chosen from the number of criteria (4 to 8).</summary>
public sealed record GenOptions(int Criteria = 500, int Inspections = 430, int Findings = 200, int Questions = 0, int Seed = 2015)
{
    public int QuestionCount => Questions > 0 ? Questions : Math.Clamp((int)Math.Round(Criteria / 100.0), 4, 8);

    public string Name => $"c{Criteria}-q{QuestionCount}-i{Inspections}-f{Findings}-s{Seed}";
}

/// <summary>
/// Deterministic synthetic rulebooks and corpora (System.Random with a fixed seed is stable across
/// runs and .NET versions). The rulebook is PEEL-shaped: a 4-grade scale, questions with areas, a
/// codebook of judgement (two scales), number and yes-no indicators, and criteria of every aggregate
/// kind. Threshold tables are calibrated on a separate sample of inspections so that grades come out
/// mixed (outstanding to inadequate), and every table is total and monotone by construction.
/// </summary>
public static class Generator
{
    /// <summary>Bumped whenever the output changes, so cached corpora under bench/data are regenerated.</summary>
    public const int Version = 3;

    public static readonly string[] Grades = ["outstanding", "good", "requires-improvement", "inadequate"];

    private static readonly ScaleSpec Effectiveness = new("effectiveness", ["effective", "mostly-effective", "inconsistent", "ineffective"]);
    private static readonly ScaleSpec Compliance = new("compliance", ["compliant", "partly-compliant", "non-compliant"]);

    private const int CalibrationInspections = 60;

    public static RulebookSpec Rulebook(GenOptions o)
    {
        var rng = new Random(o.Seed);
        var questions = new QuestionSpec[o.QuestionCount];
        var criteria = new List<CriterionSpec>();
        for (var q = 0; q < questions.Length; q++)
        {
            var n = o.Criteria / questions.Length + (q < o.Criteria % questions.Length ? 1 : 0);
            questions[q] = Question(rng, q + 1, n);
            criteria.AddRange(Criteria(rng, questions[q], n, criteria.Count));
        }
        var spec = new RulebookSpec($"synthetic-{o.Name}", Grades, [Effectiveness, Compliance], questions, [.. criteria],
            new Dictionary<string, ThresholdRow[]>(), Rollup(questions.Length));
        return spec with { Thresholds = Calibrate(spec, o) };
    }

    // ------------------------------------------------------------------ questions and codebook

    private static QuestionSpec Question(Random rng, int number, int criteria)
    {
        var qid = $"Q{number}";
        var indicatorCount = Math.Max(8, (int)Math.Round(criteria * 0.4));
        var areaCount = Math.Clamp(indicatorCount / 6, 2, 12);
        var areas = Enumerable.Range(1, areaCount).Select(a => new AreaSpec($"area-{a:D2}", $"How well does the force do practice {number}.{a}?")).ToArray();
        var indicators = new IndicatorSpec[indicatorCount];
        for (var i = 0; i < indicatorCount; i++)
        {
            // Every area gets indicators; the first few of a question cover each kind.
            var area = i < areaCount ? areas[i] : areas[rng.Next(areaCount)];
            var kind = i switch
            {
                < 4 => IndicatorKind.Judgement,
                4 => IndicatorKind.Number,
                5 => IndicatorKind.YesNo,
                _ => rng.NextDouble() switch
                {
                    < 0.70 => IndicatorKind.Judgement,
                    < 0.87 => IndicatorKind.Number,
                    _ => IndicatorKind.YesNo,
                },
            };
            var scale = kind != IndicatorKind.Judgement ? null : i < 4 || rng.NextDouble() < 0.85 ? Effectiveness : Compliance;
            var popularity = Math.Pow(rng.NextDouble(), 1.5) + 0.05;
            indicators[i] = new IndicatorSpec($"q{number}.{area.Id[5..]}.i{i + 1:D3}", qid, area.Id, kind, scale, popularity);
        }
        return new QuestionSpec(qid, $"How effective is the force at synthetic question {number}?", areas, indicators);
    }

    // ------------------------------------------------------------------ criteria

    private sealed class Picker(Random rng, QuestionSpec question)
    {
        private readonly Dictionary<string, int> _uses = question.Indicators.ToDictionary(i => i.Id, _ => 0);

        public Random Rng { get; } = rng;

        /// <summary>An indicator of the kind (and scale), preferring the area and indicators read least so far.</summary>
        public IndicatorSpec Pick(string area, IndicatorKind kind, ScaleSpec? scale = null, IndicatorSpec? not = null)
        {
            var pool = question.Indicators.Where(i => i.Kind == kind && (scale is null || i.Scale == scale) && i != not).ToList();
            if (pool.Count == 0) throw new InvalidOperationException($"no {kind} indicator in {question.Id}");
            var inArea = pool.Where(i => i.Area == area).ToList();
            var from = inArea.Count > 0 && Rng.NextDouble() < 0.8 ? inArea : pool;
            var least = from.Min(i => _uses[i.Id]);
            var candidates = from.Where(i => _uses[i.Id] == least).ToList();
            var pick = candidates[Rng.Next(candidates.Count)];
            _uses[pick.Id]++;
            return pick;
        }

        public IndicatorSpec Judgement(string area) => Pick(area, IndicatorKind.Judgement);

        /// <summary>Two distinct judgement indicators on one scale, or one when the question has no second.</summary>
        public string[] Pair(string area, out ScaleSpec scale)
        {
            var first = Judgement(area);
            scale = first.Scale!;
            var s = scale;
            if (!question.Indicators.Any(i => i.Kind == IndicatorKind.Judgement && i.Scale == s && i != first)) return [first.Id];
            return [first.Id, Pick(area, IndicatorKind.Judgement, scale, first).Id];
        }
    }

    private static IEnumerable<CriterionSpec> Criteria(Random rng, QuestionSpec question, int count, int offset)
    {
        // Effects: at least two strengths and areas for improvement and one cause of concern and
        // notable practice per question, then 40% / 35% / 10% / 15%. Thresholds read the counts of
        // the first three only, which keeps the checker's exhaustive profile space under its limit.
        var effects = new List<EffectKind>();
        EffectKind[] minimum = [EffectKind.Strength, EffectKind.Strength, EffectKind.AreaForImprovement, EffectKind.AreaForImprovement, EffectKind.CauseOfConcern, EffectKind.NotablePractice];
        effects.AddRange(minimum.Take(count));
        while (effects.Count < count)
        {
            effects.Add(rng.NextDouble() switch
            {
                < 0.40 => EffectKind.Strength,
                < 0.75 => EffectKind.AreaForImprovement,
                < 0.85 => EffectKind.CauseOfConcern,
                _ => EffectKind.NotablePractice,
            });
        }
        var picker = new Picker(rng, question);
        for (var k = 0; k < count; k++)
        {
            var area = question.Areas[k < question.Areas.Length ? k : rng.Next(question.Areas.Length)].Id;
            var effect = effects[k];
            var when = effect switch
            {
                EffectKind.Strength => Strength(picker, area),
                EffectKind.AreaForImprovement => AreaForImprovement(picker, area),
                EffectKind.CauseOfConcern => CauseOfConcern(picker, area),
                _ => NotablePractice(picker, area),
            };
            var index = offset + k;
            yield return new CriterionSpec(index, $"{question.Id}.c{k + 1:D4}", question.Id, area, effect, 1 + rng.Next(3), when);
        }
    }

    private static Filter Ind(string id, params FTest[] more) => new([new IndicatorIs(id), .. more]);

    private static Filter Ids(string[] ids, params FTest[] more) =>
        new([ids.Length == 1 ? new IndicatorIs(ids[0]) : new IndicatorIn(ids), .. more]);

    private static JudgementTest J(JOp op, ScaleSpec scale, int rank) => new(op, rank, scale.Levels[rank]);

    private static RankAggC RankAgg(bool worst, Filter f, JOp op, ScaleSpec scale, int rank) => new(worst, f, op, rank, scale.Levels[rank]);

    private static int Poor(ScaleSpec s) => s.Levels.Length - 2;

    private static int Bad(ScaleSpec s) => s.Levels.Length - 1;

    private static Cond Strength(Picker p, string area)
    {
        var rng = p.Rng;
        switch (rng.Next(8))
        {
            case 0:
            {
                var j = p.Judgement(area);
                return RankAgg(true, Ind(j.Id), JOp.NoWorse, j.Scale!, 1);
            }
            case 1:
            {
                var j = p.Judgement(area);
                return new AnyC(Ind(j.Id, J(JOp.Eq, j.Scale!, 0)));
            }
            case 2:
            {
                var ids = p.Pair(area, out var s);
                return new CountC(Ids(ids, J(JOp.NoWorse, s, 1)), NOp.Ge, 2);
            }
            case 3:
                return new NumAggC(NumAgg.Max, Ind(p.Pick(area, IndicatorKind.Number).Id), NOp.Le, rng.Next(0, 7));
            case 4:
                return new AnyC(Ind(p.Pick(area, IndicatorKind.YesNo).Id, new FlagTest(true)));
            case 5:
            {
                var j = p.Judgement(area);
                return new RatioC(Ind(j.Id, J(JOp.NoWorse, j.Scale!, 1)), Ind(j.Id), NOp.Ge, rng.Next(2) == 0 ? 0.5m : 0.75m);
            }
            case 6:
            {
                var ids = p.Pair(area, out var s);
                return new AndC(RankAgg(false, Ids(ids), JOp.Eq, s, 0), new NotC(new AnyC(Ids(ids, J(JOp.Eq, s, Bad(s))))));
            }
            default:
            {
                // Breadth of good practice in one area: the area test plus the indicators it may be.
                var ids = p.Pair(area, out var s);
                var areaOf = ids.Select(id => id.Split('.')[1]).Distinct().ToArray();
                if (areaOf.Length != 1) return new CountC(Ids(ids, J(JOp.Eq, s, 0)), NOp.Ge, 2);
                return new CountC(Filter.Of(new AreaIs("area-" + areaOf[0]), ids.Length == 1 ? new IndicatorIs(ids[0]) : new IndicatorIn(ids), J(JOp.Eq, s, 0)), NOp.Ge, 2);
            }
        }
    }

    private static Cond AreaForImprovement(Picker p, string area)
    {
        var rng = p.Rng;
        switch (rng.Next(7))
        {
            case 0:
            {
                var j = p.Judgement(area);
                return new AnyC(Ind(j.Id, J(JOp.Worse, j.Scale!, 1)));
            }
            case 1:
                return new NumAggC(NumAgg.Max, Ind(p.Pick(area, IndicatorKind.Number).Id), NOp.Gt, rng.Next(5, 16));
            case 2:
                return new AnyC(Ind(p.Pick(area, IndicatorKind.YesNo).Id, new FlagTest(false)));
            case 3:
            {
                var ids = p.Pair(area, out var s);
                return new CountC(Ids(ids, J(JOp.NoBetter, s, Poor(s))), NOp.Ge, 2);
            }
            case 4:
                return new NumAggC(NumAgg.Sum, Ind(p.Pick(area, IndicatorKind.Number).Id), NOp.Gt, rng.Next(10, 31));
            case 5:
            {
                var j = p.Judgement(area);
                var b = p.Pick(area, IndicatorKind.YesNo);
                return new OrC(RankAgg(true, Ind(j.Id), JOp.Worse, j.Scale!, 1), new AnyC(Ind(b.Id, new FlagTest(false))));
            }
            default:
            {
                var ids = p.Pair(area, out var s);
                return new AndC(new AllC(Ids(ids), Filter.Of(J(JOp.NoBetter, s, Poor(s)))), new AnyC(Ids(ids)));
            }
        }
    }

    private static Cond CauseOfConcern(Picker p, string area)
    {
        var rng = p.Rng;
        switch (rng.Next(4))
        {
            case 0:
            {
                var j = p.Judgement(area);
                return new CountC(Ind(j.Id, J(JOp.Eq, j.Scale!, Bad(j.Scale!))), NOp.Ge, 2);
            }
            case 1:
            {
                var ids = p.Pair(area, out var s);
                var b = p.Pick(area, IndicatorKind.YesNo);
                return new AndC(RankAgg(true, Ids(ids), JOp.Eq, s, Bad(s)), new AnyC(Ind(b.Id, new FlagTest(false))));
            }
            case 2:
            {
                var j = p.Judgement(area);
                return new AndC(new AllC(Ind(j.Id), Filter.Of(J(JOp.Eq, j.Scale!, Bad(j.Scale!)))), new AnyC(Ind(j.Id)));
            }
            default:
                return new NumAggC(NumAgg.Min, Ind(p.Pick(area, IndicatorKind.Number).Id), NOp.Gt, rng.Next(12, 21));
        }
    }

    private static Cond NotablePractice(Picker p, string area)
    {
        var rng = p.Rng;
        if (rng.Next(2) == 0)
        {
            var ids = p.Pair(area, out var s);
            return new AndC(new AllC(Ids(ids), Filter.Of(J(JOp.Eq, s, 0))), new CountC(Ids(ids), NOp.Ge, 2));
        }
        var j = p.Judgement(area);
        var n = p.Pick(area, IndicatorKind.Number);
        return new AndC(RankAgg(false, Ind(j.Id), JOp.Eq, j.Scale!, 0), new NumAggC(NumAgg.Max, Ind(n.Id), NOp.Le, rng.Next(0, 3)));
    }

    // ------------------------------------------------------------------ thresholds and roll-up

    /// <summary>
    /// Per question: outstanding, good, requires improvement and an `otherwise` inadequate, with
    /// bounds taken from quantiles of a calibration sample. Rows only ever ask for fewer concerns and
    /// areas for improvement and more strengths, so the first-match table is monotone; the constants
    /// are nudged so that each row decides some profile (no overlap errors).
    /// </summary>
    private static Dictionary<string, ThresholdRow[]> Calibrate(RulebookSpec spec, GenOptions o)
    {
        var baseline = new BaselineGrader(spec with { Thresholds = spec.Questions.ToDictionary(q => q.Id, _ => new[] { new ThresholdRow(3, null, null, null, null) }) });
        var mapper = new FactMapper(spec);
        var sample = Inspections(spec, o with { Inspections = CalibrationInspections }, o.Seed + 7919)
            .Select(i => mapper.Map(i))
            .ToList();
        var tables = new Dictionary<string, ThresholdRow[]>();
        for (var q = 0; q < spec.Questions.Length; q++)
        {
            var profiles = sample.Select(f => baseline.Profile(q, f[q])).ToList();
            var criteria = spec.CriteriaOf(spec.Questions[q].Id).ToList();
            var nS = criteria.Count(c => c.Effect == EffectKind.Strength);
            var nA = criteria.Count(c => c.Effect == EffectKind.AreaForImprovement);
            var nC = criteria.Count(c => c.Effect == EffectKind.CauseOfConcern);
            int Quantile(Func<BProfile, int> of, double at)
            {
                var values = profiles.Select(of).Order().ToList();
                return values[Math.Clamp((int)(at * (values.Count - 1)), 0, values.Count - 1)];
            }
            var s1 = Math.Clamp(Quantile(p => p.S, 0.65), 1, nS);
            var s2 = Math.Clamp(Quantile(p => p.S, 0.35), 0, s1 - 1);
            var a1 = Math.Clamp(Quantile(p => p.A, 0.30), 0, nA);
            var a2 = Math.Clamp(Quantile(p => p.A, 0.60), a1 + 1, Math.Max(a1 + 1, nA));
            var c3 = Math.Clamp(Quantile(p => p.C, 0.80), 1, Math.Max(1, nC));
            var k = Math.Clamp(Quantile(p => p.A - p.S, 0.80), 0, Math.Max(0, nA - 1));
            tables[spec.Questions[q].Id] =
            [
                new ThresholdRow(0, 0, a1, s1, null),
                new ThresholdRow(1, 0, a2, s2, null),
                new ThresholdRow(2, c3, null, null, k),
                new ThresholdRow(3, null, null, null, null),
            ];
        }
        return tables;
    }

    private static RollupRow[] Rollup(int questions) =>
    [
        new RollupRow(0, [(0, NOp.Ge, (questions + 1) / 2)], 1),
        new RollupRow(1, [(2, NOp.Le, Math.Max(1, questions / 4))], 2),
        new RollupRow(2, [(3, NOp.Le, questions / 5)], null),
        new RollupRow(3, [], null),
    ];

    // ------------------------------------------------------------------ inspections

    /// <summary>
    /// Inspections with a latent quality per force and per question: better forces get better
    /// judgements, lower numbers (numbers read "force minus national", lower is better) and more
    /// "yes". Indicators are drawn by popularity, so some recur in an inspection and some are absent.
    /// </summary>
    public static InspectionSpec[] Inspections(RulebookSpec spec, GenOptions o, int? seed = null)
    {
        var rng = new Random(seed ?? o.Seed * 31 + 1);
        // The inspectors' judgement has its own stream, so the findings are the same with or without it.
        var judges = new Random((seed ?? o.Seed * 31 + 1) ^ 0x5EED);
        var weights = spec.Questions.Select(q => (double)q.Indicators.Length).ToArray();
        var result = new InspectionSpec[o.Inspections];
        for (var n = 0; n < o.Inspections; n++)
        {
            var quality = Math.Clamp(0.15 + 0.75 * rng.NextDouble(), 0.02, 0.98);
            var perQuestion = spec.Questions.Select(_ => Math.Clamp(quality + Gauss(rng) * 0.12, 0.02, 0.98)).ToArray();
            var findings = new FindingSpec[o.Findings];
            for (var k = 0; k < o.Findings; k++)
            {
                var q = Draw(rng, weights);
                var question = spec.Questions[q];
                var indicator = question.Indicators[Draw(rng, question.Indicators.Select(i => i.Popularity).ToArray())];
                var qual = perQuestion[q];
                string? judgement = null;
                decimal? number = null;
                bool? flag = null;
                switch (indicator.Kind)
                {
                    case IndicatorKind.Judgement:
                        var levels = indicator.Scale!.Levels;
                        judgement = levels[Math.Clamp((int)Math.Round((1 - qual) * (levels.Length - 1) + Gauss(rng) * 0.7), 0, levels.Length - 1)];
                        break;
                    case IndicatorKind.Number:
                        number = Math.Round((decimal)((0.5 - qual) * 24 + Gauss(rng) * 8), 1);
                        break;
                    default:
                        flag = rng.NextDouble() < 0.25 + 0.65 * qual;
                        break;
                }
                var id = $"F{k + 1:D4}";
                var area = question.Areas.First(a => a.Id == indicator.Area);
                findings[k] = new FindingSpec(id, question.Id, indicator.Id, judgement, number, flag,
                    $"Synthetic evidence {id} on {indicator.Id}.", $"{question.Id} > {area.Title}");
            }
            // Proposed grades come from the force's latent quality as an inspector sees it, not from the
            // findings: close to what the rules compute, but forces alike in evidence are not always
            // graded alike, which is what the batch's consistency report is for.
            int[] proposed = [.. perQuestion.Select(q => Judge(judges, q)), Judge(judges, quality)];
            result[n] = new InspectionSpec($"synthetic-{n + 1:D4}", $"Force {n + 1:D4}", findings, proposed);
        }
        return result;
    }

    /// <summary>
    /// A grade (0 = outstanding) from a latent quality seen with some noise; the cut-offs give about the
    /// share of each grade the calibrated tables compute for the headline corpus (15%, 22%, 33%, 29%).
    /// </summary>
    private static int Judge(Random judges, double quality)
    {
        var seen = quality + Gauss(judges) * 0.06;
        return seen >= 0.79 ? 0 : seen >= 0.625 ? 1 : seen >= 0.375 ? 2 : 3;
    }

    private static int Draw(Random rng, double[] weights)
    {
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Length - 1;
    }

    private static double Gauss(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
