namespace SummitBot.Api;

public static class AskApi
{
    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app) => app;
}
