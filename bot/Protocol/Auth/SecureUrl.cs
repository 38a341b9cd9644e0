namespace SummitBot.Protocol.Auth;

/// <summary>
/// Keys and tokens are only trusted over https. Plain http is allowed on the loopback address, where tests and
/// local fakes serve their own metadata and token endpoints.
/// </summary>
internal static class SecureUrl
{
    public static bool IsAllowed(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    public static bool RequiresHttps(string url) => !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback);
}
