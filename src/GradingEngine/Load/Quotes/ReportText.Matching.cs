using System.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Load.Quotes;

internal sealed partial class ReportText
{
    /// <summary>A quote's first word may start inside a report word and its last may stop inside one, as in a plain substring search.</summary>
    private enum Role
    {
        Only,
        First,
        Middle,
        Last,
    }

    /// <summary>
    /// Text a quote word is compared with: one report word, or a word hyphenated at a line end joined to the
    /// next. A joined word's first part is <see cref="Split"/> characters of <see cref="Folded"/> long (and
    /// <see cref="SplitRaw"/> of <see cref="Raw"/>); -1 for one word.
    /// </summary>
    private readonly record struct Unit(int LastWord, string Raw, string Folded, string? Bare, QuoteNormalisation Needs, int SplitRaw = -1, int Split = -1);

    /// <summary>How a partial match got where it is: the report word it started at and what it needed so far.</summary>
    private readonly record struct Reach(int Start, QuoteNormalisation Needs)
    {
        public bool IsBetterThan(Reach other) => Start != other.Start ? Start < other.Start : Needs < other.Needs;
    }

    /// <summary>
    /// Matches the quote's words left to right over every place of the report at once: the places each word
    /// can end at, merged (earliest start wins), are where the next word may begin. The work is bounded by
    /// the report's words times the quote's, whatever the text; the first word, tried at every place, is
    /// compared without allocating.
    /// </summary>
    private QuoteLocation? Match(IReadOnlyList<QuoteWord> quote, out int matched, out int departure)
    {
        matched = 0;
        departure = -1;
        if (quote.Count == 0) return null;
        var words = _words.Value;
        var current = new Dictionary<int, Reach>();
        (Reach Reach, int Last)? best = null;
        for (var i = 0; i < quote.Count; i++)
        {
            var role = quote.Count == 1 ? Role.Only : i == 0 ? Role.First : i == quote.Count - 1 ? Role.Last : Role.Middle;
            var next = new Dictionary<int, Reach>();
            var fits = false;
            if (i == 0)
            {
                for (var p = 0; p < words.Length; p++) fits |= Step(quote[0], role, p, new Reach(p, QuoteNormalisation.None), next, ref best);
            }
            else
            {
                foreach (var (p, reach) in current) fits |= Step(quote[i], role, p, reach, next, ref best);
            }
            if (best is { } found)
            {
                matched = quote.Count;
                return new QuoteLocation(words[found.Reach.Start].Line, words[found.Last].Line, found.Reach.Needs, found.Reach.Start, found.Last);
            }
            if (next.Count == 0)
            {
                // The quote leaves the report at word i, or, when word i matched only at the report's end, at the word after it.
                matched = fits ? i + 1 : i;
                departure = matched == 0 || matched >= quote.Count ? -1 : quote[matched].Offset;
                return null;
            }
            current = next;
        }
        return null;
    }

    /// <summary>
    /// Tries one quote word at report word <paramref name="p"/>, reached by <paramref name="reach"/>: each place
    /// the quote may go on from is merged into <paramref name="next"/>; a last word that fits updates
    /// <paramref name="best"/>. Whether the word fits anywhere here.
    /// </summary>
    private bool Step(QuoteWord word, Role role, int p, Reach reach, Dictionary<int, Reach> next, ref (Reach Reach, int Last)? best)
    {
        var fits = false;
        var plain = _words.Value[p];
        if (Compare(word, new Unit(p, plain.Raw, plain.Folded, plain.Bare, QuoteNormalisation.None), role, out var needs))
        {
            fits = true;
            Go(new Reach(reach.Start, reach.Needs | needs), p, role, next, ref best);
        }
        if (!plain.HyphenatedAtLineEnd) return fits;
        foreach (var unit in Joined(p))
        {
            if (!Compare(word, unit, role, out needs)) continue;
            fits = true;
            Go(new Reach(reach.Start, reach.Needs | unit.Needs | needs), unit.LastWord, role, next, ref best);
        }
        return fits;
    }

    /// <summary>After a quote word that ended at report word <paramref name="last"/>: the match is complete, or goes on.</summary>
    private void Go(Reach so, int last, Role role, Dictionary<int, Reach> next, ref (Reach Reach, int Last)? best)
    {
        if (role is Role.Only or Role.Last)
        {
            if (best is not { } b || so.IsBetterThan(b.Reach) || (so == b.Reach && last < b.Last)) best = (so, last);
            return;
        }
        foreach (var (q, jumped) in Next(last + 1))
        {
            var there = jumped ? so with { Needs = so.Needs | QuoteNormalisation.PageBreak } : so;
            if (!next.TryGetValue(q, out var old) || there.IsBetterThan(old)) next[q] = there;
        }
    }

    /// <summary>A word hyphenated at a line end at <paramref name="p"/>, joined to each word that may continue it, with and without the hyphen.</summary>
    private IEnumerable<Unit> Joined(int p)
    {
        var words = _words.Value;
        var word = words[p];
        var stemFolded = word.Folded.EndsWith('-') ? word.Folded[..^1] : word.Folded;
        var (stemRaw, hyphen) = (word.Raw[..^1], word.Raw[^1]);
        if (stemFolded.Length == 0) yield break;
        foreach (var (q, jumped) in Next(p + 1))
        {
            var needs = QuoteNormalisation.LineEndHyphen | (jumped ? QuoteNormalisation.PageBreak : QuoteNormalisation.None);
            var rest = words[q];
            var (kept, dropped) = (stemFolded + "-" + rest.Folded, stemFolded + rest.Folded);
            yield return new Unit(q, stemRaw + hyphen + rest.Raw, kept, PdfText.WithoutFootnote(kept), needs, stemRaw.Length + 1, stemFolded.Length + 1);
            yield return new Unit(q, stemRaw + rest.Raw, dropped, PdfText.WithoutFootnote(dropped), needs, stemRaw.Length, stemFolded.Length);
        }
    }

    /// <summary>
    /// Where a quote may go on after a word that ends at <paramref name="next"/> - 1: the next word, and,
    /// when that word ends its line and a page break follows within <see cref="MaxSkipLines"/> lines, the
    /// first word of each line after the break up to that distance (the page's furniture skipped).
    /// </summary>
    private IEnumerable<(int Word, bool Jumped)> Next(int next)
    {
        var words = _words.Value;
        if (next >= words.Length) yield break;
        yield return (next, false);
        var last = words[next - 1];
        if (!last.EndsLine) yield break;
        var index = Array.BinarySearch(_breakLines, last.Line + 1);
        if (index < 0) index = ~index;
        if (index >= _breakLines.Length || _breakLines[index] - last.Line > MaxSkipLines) yield break;
        var pageBreak = _breakLines[index];
        for (var q = next + 1; q < words.Length && words[q].Line - last.Line <= MaxSkipLines; q++)
        {
            if (words[q].StartsLine && words[q].Line > pageBreak) yield return (q, true);
        }
    }

    /// <summary>Compares plain forms, then without a footnote number; <paramref name="needs"/> says what it took.</summary>
    private static bool Compare(QuoteWord word, Unit unit, Role role, out QuoteNormalisation needs)
    {
        needs = QuoteNormalisation.None;
        if (Fits(word.Folded, unit.Folded, unit.Split, role))
        {
            if (!Fits(word.Raw, unit.Raw, unit.SplitRaw, role)) needs |= QuoteNormalisation.Typography;
            return true;
        }
        if (unit.Bare is { } bare && Fits(word.Folded, bare, unit.Split, role))
        {
            needs |= QuoteNormalisation.FootnoteNumber;
            if (PdfText.WithoutFootnote(unit.Raw) is not { } bareRaw || !Fits(word.Raw, bareRaw, unit.SplitRaw, role)) needs |= QuoteNormalisation.Typography;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the quoted word fits the text in its role. In a joined word it must take something of both
    /// parts: a quote that starts (or ends) inside one part is matched on that word alone.
    /// </summary>
    private static bool Fits(string quoted, string text, int split, Role role)
    {
        if (split < 0) return Fits(quoted, text, role);
        return role switch
        {
            Role.Only => Straddles(quoted, text, split),
            Role.First => quoted.Length > text.Length - split && text.EndsWith(quoted, StringComparison.Ordinal),
            Role.Last => quoted.Length > split && text.StartsWith(quoted, StringComparison.Ordinal),
            Role.Middle => string.Equals(text, quoted, StringComparison.Ordinal),
            _ => throw new UnreachableException(role.ToString()),
        };
    }

    private static bool Straddles(string quoted, string text, int split)
    {
        for (var at = text.IndexOf(quoted, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quoted, at + 1, StringComparison.Ordinal))
        {
            if (at < split && at + quoted.Length > split) return true;
        }
        return false;
    }

    private static bool Fits(string quoted, string text, Role role) => role switch
    {
        Role.Only => text.Contains(quoted, StringComparison.Ordinal),
        Role.First => text.EndsWith(quoted, StringComparison.Ordinal),
        Role.Last => text.StartsWith(quoted, StringComparison.Ordinal),
        Role.Middle => string.Equals(text, quoted, StringComparison.Ordinal),
        _ => throw new UnreachableException(role.ToString()),
    };
}
