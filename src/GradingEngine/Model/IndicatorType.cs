namespace GradingEngine.Model;

public enum IndicatorType
{
    Judgement,
    Number,
    YesNo,
}
