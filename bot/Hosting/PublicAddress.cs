using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SummitBot.Protocol;

namespace SummitBot.Hosting;

/// <summary>
/// The base of the bot's own links (citations of articles with no original address). Never a request's Host
/// header, which whoever sends the request chooses: BotProtocol:PublicBaseUrl when set (required with an app id),
/// else, in anonymous local mode, the address the bot listens on.
/// </summary>
public sealed class PublicAddress(IOptions<BotProtocolOptions> options, IServer server)
{
    private static readonly string[] AnyHost = ["+", "*", "0.0.0.0", "[::]", "::"];

    private readonly Lazy<Uri> address = new(() =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? FromListening(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            : new Uri(options.Value.PublicBaseUrl));

    /// <summary>Read once the server listens (it is only asked while answering a request).</summary>
    public Uri Base => address.Value;

    /// <summary>
    /// A wildcard host (`+`, `*`, `0.0.0.0`, `[::]`) is reached as localhost; of several addresses an http one on
    /// localhost wins, as a browser on this machine opens it without certificate warnings.
    /// </summary>
    public static Uri FromListening(IEnumerable<string> addresses)
    {
        var listening = addresses
            .Select(BindingAddress.Parse)
            .Where(a => !a.IsNamedPipe && !a.IsUnixPipe && (a.Scheme == Uri.UriSchemeHttp || a.Scheme == Uri.UriSchemeHttps))
            .Select(a => (a.Scheme, Host: AnyHost.Contains(a.Host) ? "localhost" : a.Host, a.Port))
            .OrderBy(a => a.Host == "localhost" ? 0 : 1)
            .ThenBy(a => a.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ToList();
        return listening.Count == 0
            ? new Uri("http://localhost/")
            : new UriBuilder(listening[0].Scheme, listening[0].Host, listening[0].Port).Uri;
    }
}
