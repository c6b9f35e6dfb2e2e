namespace GradingEngine.Model;

/// <summary>Which way more of something should move a grade; `rules check` holds the thresholds to it.</summary>
public enum Direction
{
    /// <summary>One more never lowers a grade (a strength, notable practice).</summary>
    Better,

    /// <summary>One more never raises a grade (an area for improvement, a cause of concern).</summary>
    Worse,

    /// <summary>Either way: not checked.</summary>
    Neutral,
}
