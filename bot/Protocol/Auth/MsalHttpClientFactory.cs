using Microsoft.Identity.Client;

namespace SummitBot.Protocol.Auth;

/// <summary>Lets MSAL's token calls go through the app's one HTTP client factory (and a test's handler).</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(AuthServices.HttpClientName);
}
