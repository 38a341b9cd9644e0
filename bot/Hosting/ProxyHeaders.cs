using Microsoft.AspNetCore.HttpOverrides;
using SummitBot.Protocol;

namespace SummitBot.Hosting;

/// <summary>ASP.NET Core's forwarded headers middleware, when BotProtocol:TrustForwardedHeaders says a proxy sets them.</summary>
public static class ProxyHeaders
{
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Read from configuration, not the validated options: validation belongs to start-up, where it reports every problem.
        if (!app.Configuration.GetSection(BotProtocolOptions.SectionName).GetValue<bool>(nameof(BotProtocolOptions.TrustForwardedHeaders)))
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        };

        // The proxy's address is rarely known in advance (App Service's front ends, an ingress's pods): the setting is
        // the operator's word that every request comes through one, so the loopback-only default would ignore it.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        app.UseForwardedHeaders(options);
        return app;
    }
}
