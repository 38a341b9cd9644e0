using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using SummitBot.Conversations.Feedback;
using SummitBot.State;

namespace SummitBot.Cli;

/// <summary>
/// `feedback [--since DATE] [--rating up|down] [--csv PATH]`: what users said about the bot's answers (Teams'
/// feedback, Web Chat's thumbs), newest first, read from the state database the bot keeps them in.
/// </summary>
internal static class FeedbackCommand
{
    public const int UsageError = 2;

    /// <summary>Of an answer, the table shows this much; the CSV has it whole.</summary>
    private const int ShownAnswerLength = 200;

    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only feedback given on or after this date (2026-12-01) or time (ISO 8601)." };
        var rating = new Option<string?>("--rating") { Description = "Only this rating: up (like) or down (dislike)." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the feedback to this CSV file instead of a table." };
        var command = new Command("feedback", "List what users said about the bot's answers.") { since, rating, csv };
        // Anything the command does not know is configuration (--State:Path=…), as on the web host's command line.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(since), result.GetValue(rating), result.GetValue(csv), [.. result.UnmatchedTokens], CommandOutput.Standard(), cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string? since, string? rating, FileInfo? csv, string[] settings, CommandOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await output.Error.WriteLineAsync($"--since: '{since}' is not a date (2026-12-01) or an ISO 8601 time.").ConfigureAwait(false);
                return UsageError;
            }

            from = parsed;
        }

        var reaction = rating?.ToUpperInvariant() switch
        {
            null => null,
            "UP" or "LIKE" => "like",
            "DOWN" or "DISLIKE" => "dislike",
            _ => "",
        };
        if (reaction == "")
        {
            await output.Error.WriteLineAsync($"--rating: '{rating}' is neither up nor down.").ConfigureAwait(false);
            return UsageError;
        }

        using var host = CommandHost.Build((services, configuration) => services.AddState(configuration), settings);
        var all = await host.Services.GetRequiredService<IFeedbackStore>().ListAsync(cancellationToken).ConfigureAwait(false);
        var shown = all
            .Where(f => from is null || f.ReceivedAt >= from)
            .Where(f => reaction is null || f.Reaction == reaction)
            .OrderByDescending(f => f.ReceivedAt)
            .ToList();

        if (csv is not null)
        {
            await File.WriteAllTextAsync(csv.FullName, Csv(shown), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
            output.Out.WriteLine($"Wrote {shown.Count} feedback entries to {csv.FullName}.");
            return 0;
        }

        if (shown.Count == 0)
        {
            output.Out.WriteLine(all.Count == 0 ? "No feedback yet." : "No feedback matches.");
            return 0;
        }

        var table = new Table().AddColumns("When (UTC)", "Rating", "Comment", "Question", "Answer", "Citations", "Channel");
        foreach (var f in shown)
        {
            table.AddRow(
                Markup.Escape(f.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                f.Reaction == "like" ? "up" : "down",
                Markup.Escape(f.Text ?? ""),
                Markup.Escape(f.Answer?.Question ?? "(not recorded)"),
                Markup.Escape(Conversations.TextShortener.Shorten(f.Answer?.Answer ?? "", ShownAnswerLength)),
                Markup.Escape(string.Join("\n", f.Answer?.Citations ?? [])),
                Markup.Escape($"{f.Conversation.ChannelId} {f.Conversation.ConversationId}"));
        }

        output.Out.Write(table);
        return 0;
    }

    private static string Csv(IEnumerable<UserFeedback> feedback)
    {
        var csv = new StringBuilder("received_at,rating,comment,question,answer,citations,channel,conversation,rated_message_id,user_id\n");
        foreach (var f in feedback)
        {
            string[] fields =
            [
                f.ReceivedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                f.Reaction == "like" ? "up" : "down",
                f.Text ?? "",
                f.Answer?.Question ?? "",
                f.Answer?.Answer ?? "",
                string.Join("; ", f.Answer?.Citations ?? []),
                f.Conversation.ChannelId,
                f.Conversation.ConversationId,
                f.RatedMessageId ?? "",
                f.UserId ?? "",
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>
    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A comment that starts like a
    /// formula (=, +, -, @) gets a leading apostrophe, so a spreadsheet shows what the user wrote instead of running it.
    /// </summary>
    private static string Quote(string field)
    {
        var safe = field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;
        return safe.AsSpan().IndexOfAny(",\"\r\n") < 0 ? safe : "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
