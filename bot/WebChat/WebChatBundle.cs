using System.Reflection;
using Microsoft.Net.Http.Headers;

namespace SummitBot.WebChat;

/// <summary>
/// GET /webchat/{version}/webchat.js: the official Web Chat bundle, which the build fetches from npm into
/// .cache/webchat/{version}/ (bot/SummitBot.csproj), served from the bot's own origin so the chat page needs no CDN.
/// The version is in the address, so browsers may keep it for a year.
/// </summary>
public static class WebChatBundle
{
    /// <summary>The pinned botframework-webchat version (WebChatVersion in bot/SummitBot.csproj).</summary>
    public static string Version { get; } = typeof(WebChatBundle).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WebChatVersion").Value!;

    public static string Address { get; } = $"/webchat/{Version}/webchat.js";

    public static IEndpointRouteBuilder MapWebChatBundle(this IEndpointRouteBuilder app)
    {
        app.MapGet(Address, (HttpContext context, IHostEnvironment environment) =>
        {
            var file = Path.Combine(environment.ContentRootPath, ".cache", "webchat", Version, "webchat.js");
            if (!File.Exists(file))
            {
                return Results.Problem(
                    $"The Web Chat bundle is missing: build the bot with npm available, which fetches botframework-webchat@{Version} into .cache/webchat.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
            return Results.File(file, "text/javascript; charset=utf-8");
        });
        return app;
    }
}
