using System.Globalization;

namespace GradingEngine.Trace;

/// <summary>How a computed number is written in every report: invariant culture, no trailing zeros (68.75, 69, 66.6666666666666666666666666667).</summary>
public static class Numbers
{
    public static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
