using System.Text;
using GradingEngine.Model;

namespace GradingEngine.Tests.Support;

/// <summary>The seed's findings written again as CSV and as JSON, beside a copy of its report, for tests that every verb reads every format alike.</summary>
public static class SeedFormats
{
    /// <summary>`seed.csv` (with a `report` column) and `report.txt` in <paramref name="temp"/>; the path of the CSV file.</summary>
    public static string WriteCsv(TempFolder temp, string name = "seed.csv", string? secondInspection = null)
    {
        var inspection = SeedGrading.Result.Inspection;
        File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(temp.Path, "report.txt"), overwrite: true);
        var csv = new StringBuilder("inspection,force,framework,report,id,question,indicator,judgement,value,quote,source\n");
        foreach (var id in new[] { inspection.Id }.Concat(secondInspection is null ? [] : [secondInspection]))
        {
            foreach (var f in inspection.Findings)
            {
                var judgement = f.Judgement ?? "";
                var value = f.Judgement is null ? f.ValueText : "";
                csv.Append(string.Join(",", new[] { id, inspection.Force, inspection.Framework, "report.txt", f.Id, f.QuestionId, f.IndicatorId, judgement, value, f.Quote, f.Source }.Select(Quote))).Append('\n');
            }
        }
        return temp.Write(name, csv.ToString());
    }

    /// <summary>`findings.json` (the seed as JSON, with its report) in <paramref name="temp"/>.</summary>
    public static string WriteJson(TempFolder temp)
    {
        var inspection = SeedGrading.Result.Inspection;
        File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(temp.Path, "report.txt"), overwrite: true);
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["inspection"] = inspection.Id,
            ["force"] = inspection.Force,
            ["framework"] = inspection.Framework,
            ["report"] = "report.txt",
            ["findings"] = inspection.Findings.Select(Plain).ToList(),
        });
        return temp.Write("findings.json", json);
    }

    private static Dictionary<string, object> Plain(Finding f)
    {
        var plain = new Dictionary<string, object> { ["id"] = f.Id, ["question"] = f.QuestionId, ["indicator"] = f.IndicatorId };
        if (f.Judgement is { } judgement) plain["judgement"] = judgement;
        else if (f.Number is { } number) plain["value"] = number;
        else plain["value"] = f.Flag!.Value;
        plain["quote"] = f.Quote;
        plain["source"] = f.Source;
        return plain;
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
