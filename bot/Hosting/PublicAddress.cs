using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SummitBot.Protocol;

namespace SummitBot.Hosting;

/// <summary>
/// The base of the bot's own links (citations of articles with no original address). BotProtocol:PublicBaseUrl when
/// set; else, with BotProtocol:TrustForwardedHeaders, the scheme and host the proxy says the current request came to
/// (a turn recovered with no request gets the last one seen); else the address the bot listens on. Never a Host
/// header the bot was not told to trust: whoever sends the request chooses it.
/// </summary>
public sealed class PublicAddress(IOptions<BotProtocolOptions> options, IServer server, IHttpContextAccessor requests)
{
    private static readonly string[] AnyHost = ["+", "*", "0.0.0.0", "[::]", "::"];

    private readonly Lazy<Uri> fixedAddress = new(() =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? FromListening(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            : new Uri(options.Value.PublicBaseUrl));

    private Uri? lastForwarded;

    /// <summary>Read once the server listens (it is only asked while answering a request).</summary>
    public Uri Base
    {
        get
        {
            if (!options.Value.TrustForwardedHeaders || !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            {
                return fixedAddress.Value;
            }

            // UseForwardedHeaders has already put the proxy's X-Forwarded-Proto and -Host into the request.
            if (requests.HttpContext?.Request is { Host.HasValue: true } request)
            {
                lastForwarded = new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/");
            }

            return lastForwarded ?? fixedAddress.Value;
        }
    }

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
