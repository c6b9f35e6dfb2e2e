namespace GradingEngine.Diagnostics;

/// <summary>
/// Stable diagnostic codes. A code never changes meaning once shipped; docs/diagnostics.md
/// documents each one (a test keeps the two in step).
/// </summary>
public static class DiagnosticCodes
{
    // Input: reading files before any YAML meaning is attached.
    public const string FileNotFound = "GE100";
    public const string FileTooLarge = "GE101";
    public const string InvalidUtf8 = "GE102";
    public const string YamlSyntax = "GE103";
    public const string AliasExpansion = "GE104";
    public const string NestingTooDeep = "GE105";
    public const string DuplicateKey = "GE106";
    public const string MultipleDocuments = "GE107";
    public const string NotRegularFile = "GE108";
    public const string OutsideFolder = "GE109";
    public const string OutputExists = "GE110";

    // Structure: the shape of a rulebook or findings file.
    public const string UnknownKey = "GE200";
    public const string MissingKey = "GE201";
    public const string WrongType = "GE202";
    public const string DuplicateId = "GE203";
    public const string InvalidId = "GE204";
    public const string EmptyList = "GE205";
    public const string InvalidValue = "GE206";
    public const string UnusedIndicator = "GE207";
    public const string AreaWithoutCriteria = "GE208";
    public const string InconsistentRows = "GE209";
    public const string GradedFromSilence = "GE210";
    public const string UnpairedCoding = "GE211";
    public const string NotOneInspection = "GE212";

    // References between files and to the codebook.
    public const string UnknownQuestion = "GE300";
    public const string UnknownArea = "GE301";
    public const string UnknownIndicator = "GE302";
    public const string UnknownGrade = "GE303";
    public const string UnknownScale = "GE304";
    public const string UnknownLevel = "GE305";
    public const string FrameworkMismatch = "GE306";
    public const string QuestionMismatch = "GE307";
    public const string QuoteNotInReport = "GE308";
    public const string ValueTypeMismatch = "GE309";
    public const string InspectionMismatch = "GE310";
    public const string UnknownCriterion = "GE311";
    public const string UnknownKind = "GE312";
    public const string ReportMismatch = "GE313";

    // Conditions: the rule language.
    public const string ConditionSyntax = "GE400";
    public const string ConditionType = "GE401";
    public const string UnknownName = "GE402";
    public const string AmbiguousField = "GE403";
    public const string UnknownPlaceholder = "GE404";
    public const string ConditionTooComplex = "GE405";
    public const string ValueCycle = "GE406";
    public const string DivisionByZero = "GE407";

    // Thresholds and roll-up: totality and order.
    public const string MissingFallback = "GE500";
    public const string FallbackNotLast = "GE501";
    public const string UnreachableRule = "GE502";
    public const string ScaleOrder = "GE503";
    public const string NotMonotone = "GE504";
    public const string SpaceTooLarge = "GE505";
    public const string GradeNeverProduced = "GE506";
    public const string CriterionNeverMet = "GE507";
    public const string CriterionAlwaysMet = "GE508";
    public const string LimitWithoutEffect = "GE509";
    public const string ValueDirectionMissing = "GE510";
    public const string BandsNotMonotone = "GE511";
    public const string BandsNotCovering = "GE512";

    /// <summary>Every code with a one-line summary, in code order.</summary>
    public static IReadOnlyList<(string Code, string Summary)> All { get; } =
    [
        (FileNotFound, "a file or folder named on the command line or in a file does not exist or cannot be read"),
        (FileTooLarge, "a file is larger than the input limit"),
        (InvalidUtf8, "a file is not valid UTF-8"),
        (YamlSyntax, "a file is not well-formed YAML, JSON or CSV"),
        (AliasExpansion, "YAML aliases expand to more nodes than the limit (an alias bomb)"),
        (NestingTooDeep, "YAML nesting is deeper than the limit"),
        (DuplicateKey, "a mapping has the same key twice"),
        (MultipleDocuments, "a file holds more than one YAML document"),
        (NotRegularFile, "a path to read or write is not a regular file: a folder, named pipe, socket or device (or, for output, a link)"),
        (OutsideFolder, "a file found in a folder, or named by another file, lies outside that folder once links are resolved"),
        (OutputExists, "a file that `rules export` or `init` would write already exists: nothing is overwritten"),
        (UnknownKey, "a key the format does not define; usually a typo"),
        (MissingKey, "a required key is absent"),
        (WrongType, "a value has the wrong shape or scalar type"),
        (DuplicateId, "two items share an id"),
        (InvalidId, "an id uses characters other than letters, digits, `.`, `-` and `_`"),
        (EmptyList, "a list that must have items is empty"),
        (InvalidValue, "a value is outside its allowed set or range"),
        (UnusedIndicator, "a codebook indicator that no criterion reads (warning)"),
        (AreaWithoutCriteria, "an area of a question that no criterion covers (warning)"),
        (InconsistentRows, "rows of one inspection in a CSV findings file disagree on `force`, `framework` or `report`"),
        (GradedFromSilence, "a question no evidence can reach: no criterion, and thresholds and limits that count no findings"),
        (UnpairedCoding, "a coding in an `agree --pairs` folder has no partner, or two files claim one side of a pair"),
        (NotOneInspection, "a coding given to `agree` holds more (or fewer) than one inspection"),
        (UnknownQuestion, "a question id that the rulebook does not define"),
        (UnknownArea, "an area id that the question does not define"),
        (UnknownIndicator, "an indicator id that the codebook does not define"),
        (UnknownGrade, "a grade id that the scale does not define"),
        (UnknownScale, "a judgement scale that the codebook does not define"),
        (UnknownLevel, "a judgement level that the indicator's scale does not define"),
        (FrameworkMismatch, "a findings file names another framework than the rulebook's id"),
        (QuestionMismatch, "a finding's question differs from its indicator's question"),
        (QuoteNotInReport, "a quote does not occur in the declared report"),
        (ValueTypeMismatch, "a finding gives a judgement where a value is expected, or the reverse"),
        (InspectionMismatch, "a proposed-grades file names another inspection"),
        (UnknownCriterion, "a criterion id that the rulebook does not define"),
        (UnknownKind, "a finding kind that the codebook does not declare, or that the finding's indicator does not allow"),
        (ReportMismatch, "two codings given to `agree` quote different reports"),
        (ConditionSyntax, "a condition cannot be parsed"),
        (ConditionType, "a condition is ill-typed"),
        (UnknownName, "a condition names a function, field, variable or level that does not exist"),
        (AmbiguousField, "a finding field whose type depends on which indicator the finding is"),
        (UnknownPlaceholder, "a message template uses a placeholder that does not exist"),
        (ConditionTooComplex, "a condition is longer or deeper than the limit"),
        (ValueCycle, "a named value is defined in terms of itself, directly or through other values"),
        (DivisionByZero, "a division by the number 0, which is always undefined"),
        (MissingFallback, "a grade table has no `otherwise` rule, so some outcome gets no grade"),
        (FallbackNotLast, "an `otherwise` rule is not the last rule of its table"),
        (UnreachableRule, "a grade rule that no outcome can reach: the rules above it overlap it entirely"),
        (ScaleOrder, "grade rules are not in scale order, best grade first"),
        (NotMonotone, "one more of something declared `better` would lower a grade, or of something declared `worse` would raise one"),
        (SpaceTooLarge, "the outcome space is too large to check exhaustively (warning)"),
        (GradeNeverProduced, "a grade of the scale that no rule of a table can produce (warning)"),
        (CriterionNeverMet, "a criterion no combination of findings of its indicators can meet (warning)"),
        (CriterionAlwaysMet, "a criterion met whatever the findings, even none (warning)"),
        (LimitWithoutEffect, "a limit that never applies, or never changes a grade where it applies (warning)"),
        (ValueDirectionMissing, "thresholds or limits read a named value that declares no `direction`, so monotonicity in it is not checked (warning)"),
        (BandsNotMonotone, "a banded value whose bands' values neither only rise nor only fall as its input rises (warning)"),
        (BandsNotCovering, "a banded value whose input can fall below its first band, where the value is undefined (warning)"),
    ];
}
