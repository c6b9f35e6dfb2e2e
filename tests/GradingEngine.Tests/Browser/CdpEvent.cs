using System.Text.Json;

namespace GradingEngine.Tests.Browser;

/// <summary>One DevTools protocol event as received: its method (`Runtime.exceptionThrown`, ...) and parameters.</summary>
public sealed record CdpEvent(string Method, JsonElement Params);
