using System.CommandLine;
using System.Text.Json;
using SummitBot.Answering;
using SummitBot.Api;

namespace SummitBot.Cli;

/// <summary>`ask "question" [--json]`: one answer, through the same answer step the bot uses.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var json = new Option<bool>("--json") { Description = "Print the answer and its citations as JSON." };
        var command = new Command("ask", "Answer one question from the articles, with its sources.") { question, json };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(question)!, result.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string question, bool json, CancellationToken cancellationToken)
    {
        using var host = CommandHost.Build();
        var answer = await host.Services.GetRequiredService<IAnswerStep>().AnswerAsync(question, [], cancellationToken).ConfigureAwait(false);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(AskReply.From(answer), AskReply.Json));
            return 0;
        }

        Console.WriteLine(answer.Text);
        if (answer.Citations.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Sources:");
            foreach (var c in answer.Citations)
            {
                var byline = string.Join(", ", new[] { c.Outlet, c.Published }.Where(s => s is not null));
                Console.WriteLine($"[{c.N}] {c.Title}{(byline.Length > 0 ? $" ({byline})" : "")} — {c.ArticleId}");
                Console.WriteLine($"    “{c.Excerpt}”");
            }
        }

        return 0;
    }
}
