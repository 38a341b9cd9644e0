using System.Data.Common;

namespace SummitBot.State;

/// <summary>
/// The database the bot keeps its state in: SQLite (a file, the default) or PostgreSQL (ConnectionStrings:State,
/// shared by every instance). The stores speak the SQL both understand through ADO.NET; only connecting and the
/// schema's DDL differ (<see cref="SqliteState"/>, <see cref="PostgresState"/>).
/// </summary>
public interface IStateDatabase
{
    /// <summary>Where the state is, for logs and errors: the file, or the server and database (never the password).</summary>
    string Describe { get; }

    /// <summary>An open connection, the schema migrated; the caller disposes it (it returns to the pool).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Creates or migrates the schema now, so a bad database stops the bot at start rather than at the first question.</summary>
    Task EnsureReadyAsync(CancellationToken cancellationToken);
}

/// <summary>Small ADO.NET helpers the stores share.</summary>
public static class StateCommands
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Runs one statement on a connection of its own: the common case of a store's write.</summary>
    public static async Task<int> ExecuteAsync(this IStateDatabase database, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(null, sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<long> ScalarAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
