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
        var stream = new Option<bool>("--stream") { Description = "Print a chat model's draft as it arrives, then the checked answer." };
        var command = new Command("ask", "Answer one question from the articles, with its sources.") { question, json, stream };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(question)!, result.GetValue(json), result.GetValue(stream), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string question, bool json, bool stream, CancellationToken cancellationToken)
    {
        using var host = CommandHost.Build();
        var step = host.Services.GetRequiredService<IAnswerStep>();
        var answer = stream && !json
            ? await StreamAsync(step, question, cancellationToken).ConfigureAwait(false)
            : await step.AnswerAsync(question, [], cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Prints the draft as the model writes it, then a rule: what follows the rule is the answer, its sentences
    /// checked against what they cite, which may differ from the draft. The extractive step writes no draft.
    /// </summary>
    private static async Task<Answer> StreamAsync(IAnswerStep step, string question, CancellationToken cancellationToken)
    {
        var drafted = false;
        await foreach (var update in step.StreamAsync(question, [], cancellationToken).ConfigureAwait(false))
        {
            if (update.Final is { } answer)
            {
                if (drafted)
                {
                    Console.WriteLine();
                    Console.WriteLine("--- checked against the cited passages ---");
                }

                return answer;
            }

            drafted = true;
            Console.Write(update.Draft);
        }

        throw new InvalidOperationException("The answer step's stream ended without an answer.");
    }
}
