namespace SummitBot.Hosting;

/// <summary>
/// The Content-Security-Policy a response is sent with. Endpoints carry one as metadata
/// (<see cref="SecurityHeaders.WithContentSecurityPolicy{TBuilder}"/>); every other response gets <see cref="None"/>.
/// No page may be framed (frame-ancestors 'none'): nothing of the bot is meant to be shown inside another site.
/// </summary>
/// <param name="Value">The header's value.</param>
public sealed record ContentSecurityPolicy(string Value)
{
    /// <summary>JSON, plain text and errors: nothing may be loaded, run or framed from them.</summary>
    public static ContentSecurityPolicy None { get; } =
        new("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");

    /// <summary>A page of text with its own inline style (the /articles pages): no script, no form, no frame.</summary>
    public static ContentSecurityPolicy ReadingPage { get; } =
        new("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
}
