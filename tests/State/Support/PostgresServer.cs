using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SummitBot.Tests.State.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: Debian's server binaries, initdb into a temporary folder as an
/// unprivileged user, listening on a free loopback port, started once per test run and stopped when the run ends.
/// SUMMITBOT_TEST_POSTGRES (a connection string) uses a server of your own instead. Without either the tests fail,
/// saying how to install it; they never skip.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    /// <returns>A connection string to a new, empty database of its own.</returns>
    public static async Task<string> NewDatabaseAsync()
    {
        var server = await Started.Value;
        var name = "summitbot_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("SUMMITBOT_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return given;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests need Debian's PostgreSQL server, and it is not installed. scripts/install-test-tools.sh installs it "
                + "(which .ci/run runs; on Debian it is `apt-get install postgresql`), or set SUMMITBOT_TEST_POSTGRES to a connection string.");
        }

        var folder = Directory.CreateTempSubdirectory("summitbot-pg-");
        var data = Path.Combine(folder.FullName, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user the package created.
            await RunAsync("chown", "-R", "postgres:postgres", folder.FullName);
        }

        var port = FreePort();
        await RunAsync(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", "summitbot", "--auth=trust", "--no-sync", "-E", "UTF8");
        await RunAsync(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder.FullName, "log"), "-w", "-o",
            $"-k {folder.FullName} -h 127.0.0.1 -p {port} -c fsync=off -c full_page_writes=off", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop");
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder: the system clears it in the end.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=summitbot;Database=postgres;Pooling=true";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsync(string file, params string[] args) => RunAsync(asUser: false, file, args);

    private static async Task RunAsync(bool asUser, string file, params string[] args)
    {
        using var process = Process.Start(Start(asUser, file, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }

    private static void Run(bool asUser, string file, params string[] args)
    {
        using var process = Process.Start(Start(asUser, file, args));
        process?.WaitForExit(10_000);
    }

    private static ProcessStartInfo Start(bool asUser, string file, string[] args)
    {
        var start = new ProcessStartInfo(asUser ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asUser)
        {
            foreach (var part in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
