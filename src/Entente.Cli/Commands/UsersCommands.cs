using System.CommandLine;
using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Entente.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Cli.Commands;

/// <summary><c>entente users create</c>: the operator creates officers, auditors and administrators.</summary>
internal static class UsersCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The user's e-mail address, also their sign-in name.", Required = true };
        var name = new Option<string>("--name") { Description = "The name shown in the interface and the records.", Required = true };
        var role = new Option<string>("--role") { Description = "Administrator, AuthorityOfficer, Auditor, ComplianceOfficer or Member.", Required = true };
        var party = new Option<string?>("--party") { Description = "GB or RU: required for authority officers and auditors." };
        var organisation = new Option<Guid?>("--organisation") { Description = "The organisation id: required for members and compliance officers." };
        var passwordFromStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of the ENTENTE_PASSWORD environment variable." };

        var create = new Command("create", "Create a user in a role. The password comes from ENTENTE_PASSWORD or standard input, never from the command line.");
        create.Options.Add(email);
        create.Options.Add(name);
        create.Options.Add(role);
        create.Options.Add(party);
        create.Options.Add(organisation);
        create.Options.Add(passwordFromStdin);
        create.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var password = parse.GetValue(passwordFromStdin) ? Console.In.ReadLine() : Environment.GetEnvironmentVariable("ENTENTE_PASSWORD");
            if (string.IsNullOrEmpty(password))
            {
                error.WriteLine("entente: no password: set ENTENTE_PASSWORD or pass --password-stdin.");
                return 1;
            }

            await using var services = CliServices.Build(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<CreateUserHandler>().HandleAsync(
                Actor.System,
                new CreateUser(parse.GetValue(email), parse.GetValue(name), password, parse.GetValue(role), parse.GetValue(party), parse.GetValue(organisation)),
                cancellationToken);
            if (!result.IsSuccess)
            {
                error.WriteLine("entente: " + Describe(result.Error!));
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine(result.Value.ToString("D"));
            return 0;
        });

        var users = new Command("users", "Manage users.");
        users.Subcommands.Add(create);
        return users;
    }

    internal static string Describe(Error error) => error is Error.Validation validation
        ? string.Join("; ", validation.Fields.SelectMany(f => f.Value.Select(m => $"{f.Key} {m}")))
        : error.Detail;
}
