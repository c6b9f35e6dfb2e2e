namespace GradingEngine.Tooling.Records;

/// <summary>One way a record does not match: which part (`record`, `rulebook`, `findings`, `finding Q1-03`, `grade Q1`, `trace`) and what differs.</summary>
public sealed record RecordMismatch(string Part, string Message);
