using System.ClientModel;
using Microsoft.SemanticKernel;
using Polly;
using Polly.Timeout;

namespace SummitBot.Answering.Model;

/// <summary>A short name for a failed call to the model, for logs: the status code or the exception's type, never a request or its key.</summary>
internal static class ChatModelFailure
{
    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : Describe(outcome.Exception);

    public static string Describe(Exception? failure) => failure switch
    {
        null => "no exception",
        ClientResultException { Status: > 0 } e => $"HTTP {e.Status}",
        HttpOperationException { StatusCode: { } status } => $"HTTP {(int)status}",
        TimeoutRejectedException => "the call timed out",
        OperationCanceledException => "no answer within ChatModel:TotalTimeout",
        { InnerException: { } inner } when failure is not HttpRequestException => Describe(inner),
        _ => failure.GetType().Name,
    };
}
