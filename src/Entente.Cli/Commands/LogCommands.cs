using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Entente.Application.TransparencyLog;
using Entente.Cli.Hosting;
using Entente.Core.TransparencyLog;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente log verify FILE|URL</c>: recomputes every leaf and the root, checks the signatures, and names the first bad
/// index; <c>entente log export --out FILE</c>: the stored log as the contract's export document.
/// </summary>
internal static class LogCommands
{
    public static Command Create() => Create(() => new HttpClient());

    /// <summary>The group with an injectable HTTP client (tests serve the log routes in memory).</summary>
    public static Command Create(Func<HttpClient> httpClientFactory)
    {
        var log = new Command("log", "The transparency log: verify an export or a running server.");
        log.Subcommands.Add(Verify(httpClientFactory));
        log.Subcommands.Add(Export());
        return log;
    }

    private static Command Export()
    {
        var output = new Option<string>("--out") { Description = "The export file to write.", Required = true };
        var command = new Command("export", "Write every entry, the newest checkpoint with its cosignatures and the verifier keys as one JSON document.");
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var services = CliServices.Build(parse);
                await using var scope = services.CreateAsyncScope();
                var export = await LogExporter.ExportAsync(scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
                if (export is null)
                {
                    parse.InvocationConfiguration.Error.WriteLine("entente: no checkpoint could be signed (another node is signing); try again");
                    return 1;
                }

                var path = parse.GetValue(output)!;
                await File.WriteAllBytesAsync(path, export.ToJson(), cancellationToken).ConfigureAwait(false);
                parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {export.Entries.Count} entries to {path}"));
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or NoteFormatException)
            {
                parse.InvocationConfiguration.Error.WriteLine("entente: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    private static Command Verify(Func<HttpClient> httpClientFactory)
    {
        var source = new Argument<string>("FILE|URL") { Description = "An export file (checked offline) or the server's base URL (fetches /api/v1/log/checkpoint and entries)." };
        var keys = new Option<string[]>("--key") { Description = "A trusted vkey (the platform's, and each witness's). Required for a URL; for a file, replaces the keys the export carries.", AllowMultipleArgumentsPerToken = true };
        var cosignatures = new Option<int>("--min-cosignatures") { Description = "How many witness cosignatures must verify (default 0).", DefaultValueFactory = _ => 0 };
        var token = new Option<string?>("--token") { Description = "Bearer API token for a URL (default: the ENTENTE_TOKEN environment variable)." };
        var command = new Command("verify", "Recompute every leaf and the root, check the checkpoint's signatures, and name the first bad index.");
        command.Arguments.Add(source);
        command.Options.Add(keys);
        command.Options.Add(cosignatures);
        command.Options.Add(token);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var trusted = parse.GetValue(keys) ?? [];
            try
            {
                var where = parse.GetValue(source)!;
                LogExport export;
                if (Uri.TryCreate(where, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    if (trusted.Length == 0)
                    {
                        error.WriteLine("entente: verifying a server needs --key with the platform's vkey (a server cannot vouch for its own key)");
                        return 2;
                    }

                    using var http = httpClientFactory();
                    var bearer = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("ENTENTE_TOKEN");
                    export = await FetchAsync(http, uri, bearer, trusted, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    export = LogExport.Parse(await File.ReadAllBytesAsync(where, cancellationToken).ConfigureAwait(false));
                    if (trusted.Length == 0)
                    {
                        output.WriteLine("note: checking against the keys inside the export; pass --key to pin the platform key");
                    }
                }

                var report = LogExportVerification.Verify(export, trusted, parse.GetValue(cosignatures));
                if (report.IsValid)
                {
                    output.WriteLine(report.Message);
                    return 0;
                }

                error.WriteLine("log verification failed: " + report.Message);
                return 1;
            }
            catch (Exception e) when (e is NoteFormatException or IOException or UnauthorizedAccessException or HttpRequestException or JsonException or TaskCanceledException)
            {
                error.WriteLine("entente: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>Fetches the newest checkpoint, then every entry it covers in pages of 1,000, from the contract's routes.</summary>
    internal static async Task<LogExport> FetchAsync(HttpClient http, Uri server, string? bearer, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var root = server.AbsoluteUri.TrimEnd('/');
        if (!root.EndsWith("/api/v1/log", StringComparison.Ordinal))
        {
            root += "/api/v1/log";
        }

        if (!string.IsNullOrEmpty(bearer))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        var checkpointText = await GetStringAsync(http, new Uri(root + "/checkpoint"), cancellationToken).ConfigureAwait(false);
        var checkpoint = Checkpoint.Parse(SignedNote.Parse(checkpointText).Text);
        var entries = new List<byte[]>(checked((int)Math.Min(checkpoint.Size, int.MaxValue)));
        const int page = 1000;
        long start = 0;
        while (start < checkpoint.Size)
        {
            var end = Math.Min(checkpoint.Size, start + page);
            var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"{root}/entries?start={start}&end={end}"));
            var json = await GetStringAsync(http, url, cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(json);
            var got = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var index = item.GetProperty("index").GetInt64();
                if (index != start + got)
                {
                    throw new NoteFormatException($"server returned entry {index} where {start + got} was expected");
                }

                entries.Add(item.GetProperty("entry").GetBytesFromBase64());
                got++;
            }

            if (got == 0)
            {
                // A server that stops short is reported by the verifier as a missing entry at this index.
                break;
            }

            // A server may return fewer than asked (its page limit); carry on from where it stopped.
            start += got;
        }

        return new LogExport { Origin = checkpoint.Origin, Checkpoint = checkpointText, VerifierKeys = keys, Entries = entries };
    }

    private static async Task<string> GetStringAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url.AbsolutePath} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }
}
