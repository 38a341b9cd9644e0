# SummitBot in a container: `docker build -t summitbot .` then
#   docker run -p 8080:8080 -v summitbot-data:/data summitbot
# The index and the SQLite state live in the /data volume; the image itself is never written to.
# Configuration comes from the environment (MicrosoftAppId, MicrosoftAppPassword, BotProtocol__PublicBaseUrl,
# ConnectionStrings__State, ChatModel__*, …), as README "Configuration" lists.

# Build: the SDK, plus npm, which the build uses to fetch the Web Chat bundle and WordNet into .cache/.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The project files first, so a change to the code alone does not restore the packages again.
COPY Directory.Build.props Directory.Packages.props SummitBot.sln ./
COPY bot/SummitBot.csproj bot/
COPY retrieval/SummitBot.Retrieval.csproj retrieval/
RUN dotnet restore bot/SummitBot.csproj -p:Configuration=Release
COPY . .
RUN dotnet publish bot -c Release -o /app

# Run: the ASP.NET Core runtime alone, as its non-root user (app, uid 1654), listening on 8080 (ASPNETCORE_HTTP_PORTS).
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV DataPath=/data
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["./SummitBot"]
