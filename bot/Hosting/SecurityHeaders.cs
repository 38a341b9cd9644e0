using Microsoft.Net.Http.Headers;

namespace SummitBot.Hosting;

/// <summary>
/// The headers every response of the bot carries: nosniff, so a browser never reads a response as another type
/// than it is sent as, and the endpoint's Content-Security-Policy (with frame-ancestors), so a page can neither
/// run what it was not written with nor be framed by another site.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Runs after routing (WebApplication routes first), so the matched endpoint's policy is known.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.ContentSecurityPolicy] =
                (context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>() ?? ContentSecurityPolicy.None).Value;
            return next(context);
        });

    /// <summary>Sends the endpoint's responses with <paramref name="policy"/> instead of <see cref="ContentSecurityPolicy.None"/>.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, ContentSecurityPolicy policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(policy);
}
