using System.Text.Json;
using SummitBot.Protocol.Activities;

namespace SummitBot.Tests.Protocol.Activities;

public sealed class ActivityJsonTests
{
    [Fact]
    public void Read_MatchesFieldNamesCaseInsensitively()
    {
        var activity = Read("""{"Type":"message","TEXT":"hi","Conversation":{"ID":"c1"},"deliverymode":"expectReplies"}""");

        Assert.Equal("message", activity.Type);
        Assert.Equal("hi", activity.Text);
        Assert.Equal("c1", activity.Conversation?.Id);
        Assert.Equal("expectReplies", activity.DeliveryMode);
    }

    [Fact]
    public void Read_MentionEntityWhoseTypeComesLast_IsAMention_AndOtherEntityTypesAreBareEntities()
    {
        var activity = Read("""
            {"type":"message","entities":[
              {"mentioned":{"id":"28:bot","name":"Bot"},"text":"<at>Bot</at>","type":"mention"},
              {"type":"clientInfo","locale":"en-US"},
              {"noType":true}]}
            """);

        var mention = Assert.IsType<MentionEntity>(activity.Entities![0]);
        Assert.Equal("28:bot", mention.Mentioned?.Id);
        Assert.Equal("<at>Bot</at>", mention.Text);
        Assert.Equal(typeof(Entity), activity.Entities[1].GetType());
        Assert.Equal(typeof(Entity), activity.Entities[2].GetType());
    }

    [Fact]
    public void Read_KeepsAnInvokeValueAsRawJson()
    {
        var activity = Read("""{"type":"invoke","name":"message/submitAction","value":{"actionName":"feedback"}}""");

        Assert.Equal("feedback", activity.Value?.GetProperty("actionName").GetString());
    }

    [Fact]
    public void Write_UsesCamelCase_OmitsNulls_AndWritesTheSchemaOrgEntityWithItsAtNames()
    {
        var activity = new Activity
        {
            Type = "message",
            Conversation = new ConversationAccount { Id = "c1" },
            Entities = [new MessageEntity { AdditionalType = [MessageEntity.AiGeneratedContent], Citation = [new Claim(1, new DigitalDocument("Title", "https://example.org/a", null))] }],
            ChannelData = new TeamsChannelData(FeedbackLoop.Default),
        };

        var json = JsonSerializer.Serialize(activity, ActivityJson.Options);

        Assert.Equal(
            """{"type":"message","conversation":{"id":"c1"},"entities":[{"type":"https://schema.org/Message","@type":"Message","@context":"https://schema.org","@id":"","additionalType":["AIGeneratedContent"],"citation":[{"position":1,"appearance":{"name":"Title","url":"https://example.org/a","@type":"DigitalDocument"},"@type":"Claim"}]}],"channelData":{"feedbackLoop":{"type":"default"}}}""",
            json);
    }

    private static Activity Read(string json) => JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options)!;
}
