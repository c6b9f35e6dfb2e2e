using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace GradingEngine.Tests.Browser;

/// <summary>
/// A DevTools protocol session over one WebSocket: commands with ids and their replies, and every
/// event kept in arrival order. Each wait is bounded by <see cref="HeadlessChromium.Timeout"/>, so a
/// browser that stops answering fails the test instead of hanging the suite.
/// </summary>
public sealed class CdpConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, (string Method, TaskCompletionSource<JsonElement> Reply)> _pending = new();
    private readonly List<CdpEvent> _events = [];
    private readonly List<(string Method, TaskCompletionSource<JsonElement> Event)> _waiters = [];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _nextId;

    private CdpConnection(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadAsync);
    }

    public static async Task<CdpConnection> ConnectAsync(Uri endpoint)
    {
        var socket = new ClientWebSocket();
        // The endpoint is on loopback; a proxy from the environment must not be asked for it.
        socket.Options.Proxy = null;
        using var timeout = new CancellationTokenSource(HeadlessChromium.Timeout);
        try
        {
            await socket.ConnectAsync(endpoint, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new CdpConnection(socket);
    }

    /// <summary>Every event so far, in arrival order.</summary>
    public IReadOnlyList<CdpEvent> Events
    {
        get
        {
            lock (_events) return _events.ToList();
        }
    }

    /// <summary>The next event named <paramref name="method"/>: call before the command that causes it.</summary>
    public Task<JsonElement> NextEventAsync(string method)
    {
        var waiter = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_events) _waiters.Add((method, waiter));
        return waiter.Task.WaitAsync(HeadlessChromium.Timeout);
    }

    /// <summary>Sends a command and returns its `result`; a protocol error throws with the browser's message.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = (method, reply);
        var message = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["id"] = id,
            ["method"] = method,
            ["params"] = parameters ?? new Dictionary<string, object>(),
        });
        using var timeout = new CancellationTokenSource(HeadlessChromium.Timeout);
        await _sending.WaitAsync(timeout.Token);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        }
        finally
        {
            _sending.Release();
        }
        try
        {
            return await reply.Task.WaitAsync(HeadlessChromium.Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Chromium did not answer `{method}` within {HeadlessChromium.Timeout.TotalSeconds} s");
        }
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value (by value, promises awaited).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"page script failed: {exception}");
        }
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? v : value;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        Exception? failure = null;
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                message.SetLength(0);
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, _stop.Token);
                    if (received.MessageType == WebSocketMessageType.Close) return;
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);
                Dispatch(message.ToArray());
            }
        }
        catch (OperationCanceledException)
        {
            // Disposal: nothing more to read.
        }
        catch (WebSocketException e)
        {
            failure = e;
        }
        finally
        {
            var closed = new InvalidOperationException("the DevTools connection closed", failure);
            foreach (var (_, pending) in _pending.Values) pending.TrySetException(closed);
            lock (_events)
            {
                foreach (var (_, waiter) in _waiters) waiter.TrySetException(closed);
            }
        }
    }

    private void Dispatch(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement) && _pending.TryRemove(idElement.GetInt32(), out var pending))
        {
            if (root.TryGetProperty("error", out var error))
            {
                pending.Reply.TrySetException(new InvalidOperationException($"`{pending.Method}` failed: {error}"));
            }
            else
            {
                pending.Reply.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            }
            return;
        }
        if (!root.TryGetProperty("method", out var methodElement)) return;
        var method = methodElement.GetString() ?? "";
        var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
        lock (_events)
        {
            _events.Add(new CdpEvent(method, parameters));
            foreach (var waiter in _waiters.Where(w => w.Method == method).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Event.TrySetResult(parameters);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser may already be gone; closing is best effort.
        }
        await _stop.CancelAsync();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The reader is abandoned with the socket below.
        }
        _socket.Dispose();
        _stop.Dispose();
        _sending.Dispose();
    }

    /// <summary>A short, readable form of an event, for failure messages.</summary>
    public static string Describe(CdpEvent e)
    {
        var text = e.Method + " " + (e.Params.ValueKind == JsonValueKind.Undefined ? "" : e.Params.GetRawText());
        return text.Length > 600 ? text[..600] + "..." : text;
    }
}
