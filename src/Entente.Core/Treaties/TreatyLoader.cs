using System.Text.Json;

namespace Entente.Core.Treaties;

/// <summary>One problem in a treaty file, with the JSON path of the place it concerns.</summary>
public sealed record TreatyFileError(string Path, string Message)
{
    public override string ToString() => Path + ": " + Message;
}

/// <summary>A loaded treaty, or the list of problems that kept it from loading.</summary>
public sealed class TreatyLoadResult
{
    internal TreatyLoadResult(Treaty? treaty, IReadOnlyList<TreatyFileError> errors)
    {
        Treaty = treaty;
        Errors = errors;
    }

    /// <summary>The treaty, when the file is valid.</summary>
    public Treaty? Treaty { get; }

    /// <summary>Every problem found (empty when valid).</summary>
    public IReadOnlyList<TreatyFileError> Errors { get; }

    public bool IsValid => Treaty is not null;
}

/// <summary>
/// Reads and validates a treaty file (JSON text or stream handed in by the caller: no file access here). It reports
/// every problem it finds, each naming its JSON path: unknown ratings, missing translations, duplicate articles,
/// outcomes that are not one of the three, missing reason texts.
/// </summary>
public static class TreatyLoader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Loads a treaty from JSON text. <paramref name="isKnownRating"/>, when given, checks every rating the file names.</summary>
    public static TreatyLoadResult Load(string json, Func<string, bool>? isKnownRating = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, Options);
            return Read(doc.RootElement, isKnownRating);
        }
        catch (JsonException ex)
        {
            return new TreatyLoadResult(null, [new TreatyFileError("$", "not valid JSON: " + ex.Message)]);
        }
    }

    /// <summary>Loads a treaty from a stream of UTF-8 JSON.</summary>
    public static TreatyLoadResult Load(Stream json, Func<string, bool>? isKnownRating = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, Options);
            return Read(doc.RootElement, isKnownRating);
        }
        catch (JsonException ex)
        {
            return new TreatyLoadResult(null, [new TreatyFileError("$", "not valid JSON: " + ex.Message)]);
        }
    }

    private static TreatyLoadResult Read(JsonElement root, Func<string, bool>? isKnownRating)
    {
        var r = new Reader(isKnownRating);
        var treaty = r.Treaty(root);
        return r.Errors.Count == 0 && treaty is not null ? new TreatyLoadResult(treaty, []) : new TreatyLoadResult(null, r.Errors);
    }

    private sealed class Reader(Func<string, bool>? isKnownRating)
    {
        public List<TreatyFileError> Errors { get; } = [];

        // Every clause an article declares, even when the article is otherwise invalid, so a single bad article
        // is reported once rather than again by every reason that cites it.
        private readonly HashSet<string> declaredClauses = new(StringComparer.Ordinal);

        private void Fail(string path, string message) => Errors.Add(new TreatyFileError(path, message));

        public Treaty? Treaty(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Fail("$", "a treaty file is a JSON object");
                return null;
            }

            var id = String(root, "$", "id");
            var version = String(root, "$", "version");
            var title = Text(root, "$", "title");
            var terms = Terms(root);
            var articles = Articles(root);
            var parties = Parties(root);
            var (ceiling, schemes, marking) = Classification(root);
            var annex = Annex(root);
            var reasons = Reasons(root);
            if (id is null || version is null || title is null || annex is null || marking is null)
            {
                return null;
            }

            return new Treaty(id, version, title, parties, articles, ceiling, schemes, marking, annex, terms, reasons);
        }

        private Dictionary<string, BilingualText> Terms(JsonElement root)
        {
            var terms = new Dictionary<string, BilingualText>(StringComparer.Ordinal);
            if (root.TryGetProperty("terms", out var el) && el.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in el.EnumerateObject())
                {
                    var t = TextValue(p.Value, "$.terms." + p.Name);
                    if (t is not null)
                    {
                        terms[p.Name] = t;
                    }
                }
            }

            return terms;
        }

        private List<Article> Articles(JsonElement root)
        {
            var list = new List<Article>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (el, path) in Array(root, "$", "articles"))
            {
                var clause = String(el, path, "clause");
                if (clause is not null)
                {
                    declaredClauses.Add(clause);
                }

                var title = Text(el, path, "title");
                var text = Text(el, path, "text");
                if (clause is not null && !seen.Add(clause))
                {
                    Fail(path + ".clause", $"duplicate article '{clause}'");
                }

                if (clause is not null && title is not null && text is not null)
                {
                    list.Add(new Article(clause, title, text));
                }
            }

            return list;
        }

        private List<TreatyParty> Parties(JsonElement root)
        {
            var list = new List<TreatyParty>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (el, path) in Array(root, "$", "parties"))
            {
                var code = String(el, path, "code");
                var name = Text(el, path, "name");
                Authority? authority = null;
                if (Object(el, path, "authority") is { } a)
                {
                    var aCode = String(a, path + ".authority", "code");
                    var aName = Text(a, path + ".authority", "name");
                    authority = aCode is not null && aName is not null ? new Authority(aCode, aName) : null;
                }

                StateIntermediary? intermediary = null;
                if (el.TryGetProperty("stateIntermediary", out var si) && si.ValueKind == JsonValueKind.Object)
                {
                    intermediary = Intermediary(si, path + ".stateIntermediary");
                }

                if (code is not null && !seen.Add(code))
                {
                    Fail(path + ".code", $"duplicate party '{code}'");
                }

                if (code is not null && name is not null && authority is not null)
                {
                    list.Add(new TreatyParty(code, name, authority, intermediary));
                }
            }

            if (list.Count != 2)
            {
                Fail("$.parties", "a bilateral treaty has exactly two parties");
            }

            return list;
        }

        private StateIntermediary? Intermediary(JsonElement el, string path)
        {
            var name = Text(el, path, "name");
            var forms = new List<ItemForm>();
            foreach (var (f, fPath) in Array(el, path, "forms"))
            {
                if (f.ValueKind == JsonValueKind.String && Enum.TryParse<ItemForm>(f.GetString(), ignoreCase: false, out var form) && Enum.IsDefined(form))
                {
                    forms.Add(form);
                }
                else
                {
                    Fail(fPath, "a form is Complete or Component");
                }
            }

            var outcome = OutcomeOf(el, path, "annexOutcome");
            var entries = Ratings(el, path, "entries");
            return name is null || outcome is null ? null : new StateIntermediary(name, forms, outcome.Value, entries);
        }

        private (int Ceiling, List<ClassificationScheme> Schemes, BilingualText? Marking) Classification(JsonElement root)
        {
            var schemes = new List<ClassificationScheme>();
            var c = Object(root, "$", "classification");
            if (c is null)
            {
                return (0, schemes, null);
            }

            var cl = c.Value;
            var treatyMarking = Text(cl, "$.classification", "treatyMarking");
            var ceiling = cl.TryGetProperty("ceiling", out var ce) && ce.TryGetInt32(out var v) ? v : Missing("$.classification.ceiling", 0);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (s, sPath) in Array(cl, "$.classification", "schemes"))
            {
                var id = String(s, sPath, "id");
                if (id is not null && !ids.Add(id))
                {
                    Fail(sPath + ".id", $"duplicate scheme '{id}'");
                }

                var levels = new List<ClassificationLevel>();
                var markings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (l, lPath) in Array(s, sPath, "levels"))
                {
                    var level = l.TryGetProperty("level", out var lv) && lv.TryGetInt32(out var n) ? n : Missing(lPath + ".level", -1);
                    var ms = new List<Marking>();
                    foreach (var (m, mPath) in Array(l, lPath, "markings"))
                    {
                        var native = String(m, mPath, "native");
                        var gloss = m.TryGetProperty("gloss", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
                        foreach (var form in new[] { native, gloss })
                        {
                            if (form is not null && !markings.Add(form.Trim()))
                            {
                                Fail(mPath, $"marking '{form}' appears twice in scheme '{id}'");
                            }
                        }

                        if (native is not null)
                        {
                            ms.Add(new Marking(native, gloss));
                        }
                    }

                    levels.Add(new ClassificationLevel(level, ms));
                }

                if (id is not null)
                {
                    schemes.Add(new ClassificationScheme(id, levels));
                }
            }

            return (ceiling, schemes, treatyMarking);
        }

        private AnnexA? Annex(JsonElement root)
        {
            if (Object(root, "$", "annexA") is not { } a)
            {
                return null;
            }

            const string path = "$.annexA";
            var entries = new List<AnnexEntry>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (e, ePath) in Array(a, path, "entries"))
            {
                var entry = Rating(e, ePath, "entry");
                var title = Text(e, ePath, "title");
                if (entry is not null && !seen.Add(entry))
                {
                    Fail(ePath + ".entry", $"duplicate Annex A entry '{entry}'");
                }

                var derivation = AnnexDerivation.Fixed;
                if (e.TryGetProperty("derivation", out var d))
                {
                    if (d.ValueKind != JsonValueKind.String || !Enum.TryParse(d.GetString(), ignoreCase: false, out derivation) || !Enum.IsDefined(derivation))
                    {
                        Fail(ePath + ".derivation", $"unknown derivation '{d}' (Fixed, AsForRating, ProhibitedWhenForRatingProhibited)");
                    }
                }

                Outcome? complete = Outcome.Authorised, component = Outcome.Authorised, otherwise = Outcome.Authorised;
                switch (derivation)
                {
                    case AnnexDerivation.Fixed:
                        complete = OutcomeOf(e, ePath, "complete");
                        component = OutcomeOf(e, ePath, "component");
                        break;
                    case AnnexDerivation.ProhibitedWhenForRatingProhibited:
                        otherwise = OutcomeOf(e, ePath, "otherwise");
                        break;
                    case AnnexDerivation.AsForRating:
                        break;
                }

                if (entry is not null && title is not null && complete is not null && component is not null && otherwise is not null)
                {
                    entries.Add(new AnnexEntry(entry, title, derivation, complete.Value, component.Value, otherwise.Value));
                }
            }

            DualUseRule? dualUse = null;
            if (Object(a, path, "dualUse") is { } du)
            {
                const string dPath = path + ".dualUse";
                var outcome = OutcomeOf(du, dPath, "outcome");
                var excluded = OutcomeOf(du, dPath, "excludedOutcome");
                var exEntries = Ratings(du, dPath, "excludedEntries");
                var prefixes = new List<string>();
                foreach (var (p, pPath) in Array(du, dPath, "excludedNumberPrefixes"))
                {
                    if (p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } s && s.All(char.IsAsciiDigit))
                    {
                        prefixes.Add(s);
                    }
                    else
                    {
                        Fail(pPath, "a number prefix is a string of digits");
                    }
                }

                if (outcome is not null && excluded is not null)
                {
                    dualUse = new DualUseRule(outcome.Value, excluded.Value, exEntries, prefixes);
                }
            }

            string? nlr = null;
            Outcome? nlrOutcome = null;
            if (Object(a, path, "notListed") is { } nl)
            {
                nlr = String(nl, path + ".notListed", "rating");
                nlrOutcome = OutcomeOf(nl, path + ".notListed", "outcome");
            }

            return dualUse is null || nlr is null || nlrOutcome is null ? null : new AnnexA(entries, dualUse, nlr, nlrOutcome.Value);
        }

        private Dictionary<string, ReasonTemplate> Reasons(JsonElement root)
        {
            var reasons = new Dictionary<string, ReasonTemplate>(StringComparer.Ordinal);
            if (Object(root, "$", "reasons") is not { } rs)
            {
                return reasons;
            }

            foreach (var p in rs.EnumerateObject())
            {
                var path = "$.reasons." + p.Name;
                var clause = String(p.Value, path, "clause");
                var text = Text(p.Value, path, "text");
                if (clause is not null && !declaredClauses.Contains(clause))
                {
                    Fail(path + ".clause", $"clause '{clause}' is not an article of this treaty");
                }

                if (clause is not null && text is not null)
                {
                    reasons[p.Name] = new ReasonTemplate(p.Name, clause, text);
                }
            }

            foreach (var key in ReasonKeys.All)
            {
                if (!rs.TryGetProperty(key, out _))
                {
                    Fail("$.reasons." + key, "missing reason text");
                }
            }

            return reasons;
        }

        // ---- primitives ----
        private int Missing(string path, int fallback)
        {
            Fail(path, "missing or not an integer");
            return fallback;
        }

        private JsonElement? Object(JsonElement el, string path, string name)
        {
            if (el.ValueKind == JsonValueKind.Object && el.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object)
            {
                return v;
            }

            Fail(path + "." + name, "missing object");
            return null;
        }

        private List<(JsonElement Element, string Path)> Array(JsonElement el, string path, string name)
        {
            if (el.ValueKind != JsonValueKind.Object || !el.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
            {
                Fail(path + "." + name, "missing array");
                return [];
            }

            return v.EnumerateArray().Select((e, i) => (Element: e, Path: $"{path}.{name}[{i}]")).ToList();
        }

        private string? String(JsonElement el, string path, string name)
        {
            if (el.ValueKind == JsonValueKind.Object && el.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
            {
                return v.GetString();
            }

            Fail(path + "." + name, "missing or empty string");
            return null;
        }

        private BilingualText? Text(JsonElement el, string path, string name)
        {
            if (el.ValueKind != JsonValueKind.Object || !el.TryGetProperty(name, out var v))
            {
                Fail(path + "." + name, "missing text (needs en and ru)");
                return null;
            }

            return TextValue(v, path + "." + name);
        }

        private BilingualText? TextValue(JsonElement v, string path)
        {
            if (v.ValueKind != JsonValueKind.Object)
            {
                Fail(path, "a text is an object with en and ru");
                return null;
            }

            string? Lang(string lang)
            {
                if (v.TryGetProperty(lang, out var t) && t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString()))
                {
                    return t.GetString();
                }

                Fail(path + "." + lang, $"missing translation ({lang})");
                return null;
            }

            var en = Lang("en");
            var ru = Lang("ru");
            return en is null || ru is null ? null : new BilingualText(en, ru);
        }

        private Outcome? OutcomeOf(JsonElement el, string path, string name)
        {
            if (el.ValueKind == JsonValueKind.Object && el.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                && Enum.TryParse<Outcome>(v.GetString(), ignoreCase: false, out var o) && Enum.IsDefined(o) && !int.TryParse(v.GetString(), out _))
            {
                return o;
            }

            Fail(path + "." + name, $"outcome must be Authorised, LicenceRequired or Prohibited (found {(el.TryGetProperty(name, out var f) ? f.GetRawText() : "nothing")})");
            return null;
        }

        private string? Rating(JsonElement el, string path, string name)
        {
            var code = String(el, path, name);
            if (code is not null && isKnownRating is not null && !isKnownRating(code))
            {
                Fail(path + "." + name, $"unknown rating '{code}' (not on the control list)");
                return null;
            }

            return code;
        }

        private List<string> Ratings(JsonElement el, string path, string name)
        {
            var list = new List<string>();
            foreach (var (r, rPath) in Array(el, path, name))
            {
                if (r.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(r.GetString()))
                {
                    Fail(rPath, "a rating is a non-empty string");
                }
                else if (isKnownRating is not null && !isKnownRating(r.GetString()!))
                {
                    Fail(rPath, $"unknown rating '{r.GetString()}' (not on the control list)");
                }
                else
                {
                    list.Add(r.GetString()!);
                }
            }

            return list;
        }
    }
}
