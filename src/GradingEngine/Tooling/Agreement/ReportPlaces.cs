using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// Puts two codings' quotes in one report, so they can be aligned by place. Both declare the same report
/// (the same file, or files with the same bytes): every quote is already placed. One declares it: the other's
/// quotes are found in it as the loader would, and a quote that is not there is an error. Neither: quotes
/// stay unplaced and are aligned by the words they share. Two different reports are an error.
/// </summary>
internal static class ReportPlaces
{
    /// <summary>The codings with every quote placed (or none), and the report relative to coding A's folder.</summary>
    public static (Inspection A, Inspection B, string? Report)? Place(Inspection a, Inspection b, LoadLimits limits, DiagnosticBag bag)
    {
        var (reportA, reportB) = (FullReport(a), FullReport(b));
        if (reportA is null && reportB is null) return (a, b, null);
        if (reportA is not null && reportB is not null)
        {
            if (SameBytes(reportA, reportB)) return (a, b, a.ReportFile!.Replace('\\', '/'));
            bag.Error(DiagnosticCodes.ReportMismatch, SourceSpan.FileStart(b.Path),
                $"coding B quotes report `{b.ReportFile}`, but coding A quotes `{a.ReportFile}`, which differs",
                "`agree` compares two codings of the same report");
            return null;
        }
        var (declaring, other) = reportA is not null ? (a, b) : (b, a);
        var report = InspectionLoader.ReadReport(declaring.Path, new YScalar(SourceSpan.FileStart(declaring.Path), declaring.ReportFile!, ScalarKind.Quoted), limits, bag);
        if (report is null) return null;
        var errors = bag.ErrorCount;
        var placed = other with { Findings = [.. other.Findings.Select(f => f with { QuoteAt = Locate(f, report, declaring, bag) })] };
        if (bag.ErrorCount > errors) return null;
        var relative = Path.GetRelativePath(Folder(a), Path.GetFullPath(report.Path)).Replace('\\', '/');
        return reportA is not null ? (a, placed, relative) : (placed, b, relative);
    }

    private static QuoteLocation? Locate(Finding finding, InspectionLoader.Report report, Inspection declaring, DiagnosticBag bag)
    {
        var location = report.Text.Locate(finding.Quote, out _, out _);
        if (location is null)
        {
            bag.Error(DiagnosticCodes.QuoteNotInReport, finding.Fields["quote"],
                $"quote does not occur in report `{Path.GetFileName(report.Path)}`, which the other coding, `{Path.GetFileName(declaring.Path)}`, declares",
                "two codings compared by `agree` quote one report; see docs/findings-format.md for what may differ");
        }
        return location;
    }

    private static string Folder(Inspection inspection) => Path.GetDirectoryName(Path.GetFullPath(inspection.Path))!;

    private static string? FullReport(Inspection inspection) =>
        inspection.ReportFile is null ? null : Path.GetFullPath(Path.Combine(Folder(inspection), inspection.ReportFile));

    private static bool SameBytes(string x, string y)
    {
        if (string.Equals(x, y, StringComparison.Ordinal)) return true;
        try
        {
            return File.ReadAllBytes(x).AsSpan().SequenceEqual(File.ReadAllBytes(y));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Both were read a moment ago to check the quotes; unreadable now, they cannot be shown to be one report.
            return false;
        }
    }
}
