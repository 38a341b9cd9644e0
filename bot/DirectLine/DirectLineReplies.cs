using SummitBot.Conversations.Feedback;
using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Replies;
using SummitBot.Protocol.Turns;

namespace SummitBot.DirectLine;

/// <summary>
/// A Direct Line turn's replies, added to the conversation's log as the turn makes them: kept for clients to read,
/// except typing, which only the listening stream sees. Drafts are streamed as Web Chat's livestreaming reads
/// them: the first is kept (its id names the stream, and a client that reconnects mid-answer still has it), the
/// later ones only pass, and the next message is the final one that replaces them.
/// </summary>
public sealed class DirectLineReplies(ConversationLog log, IDirectLineJournal journal, Activity inbound, ArticleLinks links, SentAnswers sentAnswers) : ITurnReplies
{
    private string? streamId;
    private int drafts;

    public bool ShowsDrafts => true;

    /// <summary>Delivered once in the database: the turn is then forgotten, and the visitor finds the replies after any restart.</summary>
    public Task DeliveredAsync() => journal.WrittenAsync();

    public async Task SendAsync(BotReply reply, CancellationToken cancellationToken)
    {
        var activity = ReplyActivities.Create(reply, inbound, links);
        switch (reply)
        {
            case TypingReply:
                await journal.PassAsync(log, activity, cancellationToken).ConfigureAwait(false);
                break;
            case DraftReply:
                drafts++;
                if (streamId is null)
                {
                    var first = activity with { ChannelData = new StreamChannelData(StreamTypes.Streaming, drafts) };
                    streamId = (await journal.AppendAsync(log, _ => first, cancellationToken).ConfigureAwait(false)).Id;
                }
                else
                {
                    await journal.PassAsync(log, activity with { ChannelData = new StreamChannelData(StreamTypes.Streaming, drafts, streamId) }, cancellationToken).ConfigureAwait(false);
                }

                break;
            default:
                var final = streamId is null ? activity : activity with { ChannelData = new StreamChannelData(StreamTypes.Final, StreamId: streamId) };
                streamId = null;
                drafts = 0;
                var sent = await journal.AppendAsync(log, id => WebChatFeedback.Offer(final, id), cancellationToken).ConfigureAwait(false);
                if (reply is AnswerReply answer)
                {
                    await sentAnswers.RecordAsync(answer, ActivityMapping.ConversationOf(sent), sent.Id, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }
}
