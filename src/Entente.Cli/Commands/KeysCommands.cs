using System.CommandLine;
using System.Text;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;

namespace Entente.Cli.Commands;

/// <summary><c>entente keys generate</c>: an Ed25519 key for the platform log or an authority's witness.</summary>
internal static class KeysCommands
{
    public static Command Create()
    {
        var keys = new Command("keys", "Signing keys for the transparency log and its witnesses.");
        keys.Subcommands.Add(Generate());
        return keys;
    }

    private static Command Generate()
    {
        var name = new Option<string>("--name") { Description = "Key name, e.g. log.entente.example or witness.gb.entente.example (no spaces, no '+').", Required = true };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the key files (default: the current folder)." };
        var cosigner = new Option<bool>("--cosigner") { Description = "A witness key for cosignature/v1 (type 0x04) rather than a note-signing key (type 0x01)." };
        var command = new Command("generate", "Generate an Ed25519 key: writes NAME.skey (readable by you alone) and NAME.vkey, prints the vkey line.");
        command.Options.Add(name);
        command.Options.Add(output);
        command.Options.Add(cosigner);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var key = Ed25519Keys.Generate(parse.GetValue(name)!, parse.GetValue(cosigner));
                var folder = parse.GetValue(output)?.FullName ?? Directory.GetCurrentDirectory();
                Directory.CreateDirectory(folder);
                var stem = FileStem(key.Name);
                var skeyPath = Path.Combine(folder, stem + ".skey");
                var vkeyPath = Path.Combine(folder, stem + ".vkey");
                if (File.Exists(skeyPath))
                {
                    error.WriteLine($"entente: {skeyPath} already exists; refusing to overwrite a key");
                    return 2;
                }

                WriteSecret(skeyPath, key.Format() + "\n");
                File.WriteAllText(vkeyPath, key.VerifierKey() + "\n", Encoding.ASCII);
                parse.InvocationConfiguration.Output.WriteLine(key.VerifierKey());
                return 0;
            }
            catch (Exception e) when (e is NoteFormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("entente: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>Key names are URL-like; file names keep letters, digits, '.', '-' and '_'.</summary>
    private static string FileStem(string keyName)
    {
        var builder = new StringBuilder(keyName.Length);
        foreach (var c in keyName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return builder.ToString().TrimStart('.');
    }

    /// <summary>Creates the file with mode 0600 from the start, so the secret is never readable by others, even briefly.</summary>
    private static void WriteSecret(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        var bytes = Encoding.ASCII.GetBytes(content);
        stream.Write(bytes);
    }
}
