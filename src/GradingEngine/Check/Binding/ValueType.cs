using System.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check.Binding;

internal enum TypeKind
{
    Bool,
    Number,
    Judgement,
    Text,
}

/// <summary>The type of a condition expression. Judgements carry their scale: levels of different scales never compare.</summary>
internal sealed record ValueType(TypeKind Kind, JudgementScale? Scale = null)
{
    public static ValueType Bool { get; } = new(TypeKind.Bool);
    public static ValueType Number { get; } = new(TypeKind.Number);
    public static ValueType Text { get; } = new(TypeKind.Text);

    public static ValueType Judgement(JudgementScale scale) => new(TypeKind.Judgement, scale);

    /// <summary>How the user would name this type: `yes/no`, `number`, `judgement on scale effectiveness`.</summary>
    public string Describe() => Kind switch
    {
        TypeKind.Bool => "yes/no",
        TypeKind.Number => "number",
        TypeKind.Text => "text",
        TypeKind.Judgement => Scale!.Id == "grade" ? "grade" : $"judgement on scale `{Scale.Id}`",
        _ => throw new UnreachableException(Kind.ToString()),
    };

    public bool Equals(ValueType? other) =>
        other is not null && Kind == other.Kind && Scale?.Id == other.Scale?.Id;

    public override int GetHashCode() => HashCode.Combine(Kind, Scale?.Id);
}
