namespace GradingEngine.Tooling.Agreement;

/// <summary>How the search for the smallest set of disagreements behind a differing grade ended.</summary>
internal enum ExplanationEnd
{
    /// <summary>Sets of the smallest size that explain the grade were found.</summary>
    Found,

    /// <summary>Every set up to <see cref="ExplanationSearch.MaxSetSize"/> disagreements was tried; none explains it.</summary>
    NoneUpToLimit,

    /// <summary>The search used up its regrades (<see cref="ExplanationSearch.MaxRegrades"/>) before finding one.</summary>
    Stopped,
}
