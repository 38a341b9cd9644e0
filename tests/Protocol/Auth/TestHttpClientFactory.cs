namespace SummitBot.Tests.Protocol.Auth;

/// <summary>Hands out clients over one handler, like IHttpClientFactory does, so a test can choose the handler.</summary>
internal sealed class TestHttpClientFactory(HttpMessageHandler? handler = null) : IHttpClientFactory, IDisposable
{
    private readonly HttpMessageHandler _handler = handler ?? new SocketsHttpHandler();

    public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false);

    public void Dispose() => _handler.Dispose();
}
