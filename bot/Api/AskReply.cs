using System.Text.Json;
using System.Text.Json.Serialization;
using SummitBot.Answering;

namespace SummitBot.Api;

/// <summary>The JSON shape of an answer, shared by `ask --json` and POST /api/ask.</summary>
public sealed record AskReply(string Answer, bool Grounded, IReadOnlyList<AskReply.Source> Citations)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static AskReply From(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(answer.Text, answer.Grounded,
            [.. answer.Citations.Select(c => new Source(c.N, c.ArticleId, c.Title, c.Outlet, c.Published, c.Excerpt))]);
    }

    public sealed record Source(int N, string ArticleId, string Title, string? Outlet, string? Published, string Excerpt);
}

/// <summary>The body of POST /api/ask.</summary>
public sealed record AskRequest(string? Question);
