using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Load.Quotes;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// Quotes survive PDF text: any run of a report's words, written as running text, is found however the
/// report was broken into lines, hyphenated, footnoted and paginated; and a quote with one word that is
/// not in the report is never found.
/// </summary>
public class QuoteLocationProperties
{
    private static readonly string[] Vocabulary = ["the", "force", "works", "well", "with", "partners", "crime", "anti-social", "behaviour", "(IOM)", "co-ordinators", "is", "good"];

    /// <summary>A report as running text (its words) and as a PDF-to-text conversion might leave it.</summary>
    private sealed record Extracted(string[] Words, string Text);

    private static Gen<Extracted> Reports { get; } = Gen.Choose(0, int.MaxValue).Select(seed => Extract(new Random(seed)));

    private static Extracted Extract(Random random)
    {
        var words = Enumerable.Range(0, random.Next(5, 80)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToArray();
        var text = new StringBuilder();
        var line = new List<string>();
        var width = random.Next(2, 8);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            // A footnote number glued to a word that can carry one.
            if (random.Next(6) == 0 && (char.IsLower(word[^1]) || word[^1] == ')')) word += random.Next(1, 40);
            var hyphen = word.IndexOf('-');
            if (line.Count + 1 >= width && hyphen > 0 && random.Next(2) == 0)
            {
                // Hyphenated at the line end: `anti-` here, `social` on the next line.
                line.Add(word[..(hyphen + 1)]);
                Flush(text, line, random);
                line.Add(word[(hyphen + 1)..]);
                continue;
            }
            line.Add(word);
            if (line.Count >= width) Flush(text, line, random);
        }
        Flush(text, line, random);
        return new Extracted(words, text.ToString());
    }

    private static void Flush(StringBuilder text, List<string> line, Random random)
    {
        if (line.Count == 0) return;
        text.Append(string.Join(' ', line)).Append(random.Next(3) == 0 ? " \n" : "\n");
        line.Clear();
        if (random.Next(5) != 0) return;
        // A page break: a footnote rule, a footnote, the page number and a header, none of them report words.
        text.Append(new string(' ', 44)).Append('\n')
            .Append(random.Next(1, 30)).Append(" Footnote: see www.example.org/peel.pdf\n\n")
            .Append(random.Next(1, 200)).Append(" \n")
            .Append(random.Next(2) == 0 ? "PEEL: Police effectiveness 2015\n" : "\n");
    }

    [Property(MaxTest = 300)]
    public Property Locate_AnyRunOfReportWords_IsFound()
    {
        var cases = Reports.SelectMany(r => Gen.Choose(0, r.Words.Length - 1).SelectMany(start =>
            Gen.Choose(1, r.Words.Length - start).Select(length => (Report: r, Start: start, Length: length))));
        return Prop.ForAll(Arb.From(cases), c =>
        {
            // Arrange
            var quote = string.Join(' ', c.Report.Words.Skip(c.Start).Take(c.Length));

            // Act
            var location = ReportText.Parse("report.txt", c.Report.Text).Locate(quote, out _, out _);

            // Assert
            Assert.True(location is not null, $"quote `{quote}` not found in:\n{c.Report.Text}");
            Assert.True(location.Line <= location.EndLine && location.FirstWord <= location.LastWord);
        });
    }

    [Property(MaxTest = 300)]
    public Property Locate_RunWithAWordNotInTheReport_IsNotFound()
    {
        var cases = Reports.SelectMany(r => Gen.Choose(0, r.Words.Length - 1).SelectMany(start =>
            Gen.Choose(1, r.Words.Length - start).SelectMany(length =>
                Gen.Choose(0, length).Select(at => (Report: r, Start: start, Length: length, At: at)))));
        return Prop.ForAll(Arb.From(cases), c =>
        {
            // Arrange: `partnerships` is no word of the report, and no footnote or page furniture either.
            var words = c.Report.Words.Skip(c.Start).Take(c.Length).ToList();
            words.Insert(c.At, "partnerships");
            var quote = string.Join(' ', words);

            // Act
            var location = ReportText.Parse("report.txt", c.Report.Text).Locate(quote, out _, out _);

            // Assert
            Assert.True(location is null, $"quote `{quote}` was found at {location} in:\n{c.Report.Text}");
        });
    }
}
