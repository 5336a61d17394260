using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Entente.Core.Screening;

/// <summary>
/// An in-memory inverted index over every name of one or more lists. Names are reduced to token skeletons
/// (<see cref="NameNormalizer"/>); candidates come from the skeleton vocabulary (exact keys, and single-deletion keys
/// for typing errors, as in SymSpell) and from whole-name keys (names written with or without spaces), so a search
/// never scans all names. Candidates are then scored by a token assignment with Jaro-Winkler similarity on skeletons,
/// weighted by token rarity. Immutable once built; searches are thread-safe.
/// </summary>
public sealed class ScreeningIndex
{
    private const double TokenThreshold = 0.8;
    private const int CandidateCount = 128;
    private const int MinDeletionLength = 4;
    private const int PostingBudget = 5_000;
    private const int RarestWordNames = 16;
    private const int MaxIntersection = 30_000;

    private readonly (string List, ListEntry Entry)[] _entries;
    private readonly string[] _names;
    private readonly int[] _nameEntry;
    private readonly int[] _entryNameStart;
    private readonly int[] _nameTokenStart;
    private readonly int[] _nameTokens;
    private readonly string[] _nameConcat;
    private readonly string[] _vocab;
    private readonly float[] _weight;
    private readonly Dictionary<string, int> _vocabIds;
    private readonly int[] _postingStart;
    private readonly int[] _postings;
    private readonly ulong[] _deletionKeys;
    private readonly int[] _deletionVocab;
    private readonly Dictionary<string, int[]> _concatNames;
    private readonly TokenKey[] _keys;
    private readonly ulong[] _acronymKeys;
    private readonly bool[] _nameAcronyms;
    private readonly Dictionary<int, WordSequence> _sequences;

    // The kinds of body each name's legal forms say (LegalForms): a ulong a name, to break ties between equal scores.
    private readonly ulong[] _kinds;
    private readonly Dictionary<string, int[]> _respelled;
    private readonly Dictionary<int, Compound[]> _compounds;
    private readonly string[] _syllableWords;
    private readonly int[] _syllableVocab;
    private readonly int[] _trigramKeys;
    private readonly int[] _trigramVocab;
    private readonly int[] _acronymNames;
    private readonly Dictionary<string, int> _stemIds;
    private readonly int[] _stemStart;
    private readonly int[] _stemVocab;
    private readonly int[] _conceptStart;
    private readonly int[] _conceptVocab;
    private readonly int _selectiveLimit;
    private readonly float _maxWeight;
    private readonly ConcurrentBag<Scratch> _scratchPool = [];

    private ScreeningIndex(
        (string, ListEntry)[] entries, string[] names, int[] nameEntry, int[] nameTokenStart, int[] nameTokens, string[] nameConcat,
        string[] vocab, int[] df, Dictionary<string, int> vocabIds, int[] postingStart, int[] postings,
        ulong[] deletionKeys, int[] deletionVocab, Dictionary<string, int[]> concatNames, ulong[] acronymKeys, int[] acronymNames, bool[] nameAcronyms, Dictionary<int, WordSequence> sequences,
        Dictionary<int, Compound[]> compounds, ulong[] kinds)
    {
        _sequences = sequences;
        _kinds = kinds;
        _compounds = compounds;
        _nameAcronyms = nameAcronyms;

        // Abbreviations written as words whose skeleton reads differently once their initials are joined again
        // (CHKPZ is ckpz, but the initials C K P Z of CHELYABINSKII KUZNECHNO-PRESSOVYI ZAVOD join to kpz, as CK
        // reads K): looked up by the joined reading too.
        var respelled = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var v = 0; v < vocab.Length; v++)
        {
            if (Acronyms.MayAbbreviate(vocab[v], Acronyms.MaxLetters) && NameNormalizer.Skeleton(vocab[v]) is var again &&
                !string.Equals(again, vocab[v], StringComparison.Ordinal))
            {
                (respelled.TryGetValue(again, out var list) ? list : respelled[again] = []).Add(v);
            }
        }

        _respelled = respelled.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

        // Words that may be made of syllables of others, sorted, for the query's runs to find by their beginnings:
        // words of names that may have abbreviations (persons' names have none), outside the vocabulary.
        var inOrganisation = new bool[vocab.Length];
        for (var i = 0; i < nameAcronyms.Length; i++)
        {
            if (nameAcronyms[i])
            {
                for (var t = nameTokenStart[i]; t < nameTokenStart[i + 1]; t++)
                {
                    inOrganisation[nameTokens[t]] = true;
                }
            }
        }

        var syllableVocab = Enumerable.Range(0, vocab.Length)
            .Where(v => inOrganisation[v] && vocab[v].Length >= 5 && Acronyms.MayAbbreviate(vocab[v]) && NameConcepts.Of(NameNormalizer.Stem(vocab[v])) == 0).ToArray();
        _syllableWords = syllableVocab.Select(v => vocab[v]).ToArray();
        _syllableVocab = syllableVocab;
        Array.Sort(_syllableWords, _syllableVocab, StringComparer.Ordinal);
        _acronymKeys = acronymKeys;
        _acronymNames = acronymNames;
        _keys = new TokenKey[vocab.Length];
        _stemIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var concepts = new int[vocab.Length];
        var maxConcept = 0;
        for (var v = 0; v < vocab.Length; v++)
        {
            var stem = StemKey(vocab[v]);
            ref var stemId = ref CollectionsMarshal.GetValueRefOrAddDefault(_stemIds, stem, out var known);
            if (!known)
            {
                stemId = _stemIds.Count - 1;
            }

            concepts[v] = NameConcepts.Of(NameNormalizer.Stem(vocab[v]));
            maxConcept = Math.Max(maxConcept, concepts[v]);
            _keys[v] = new TokenKey(vocab[v], stemId, concepts[v]);
        }

        (_stemStart, _stemVocab) = Group(_keys.Select(k => k.Stem).ToArray(), _stemIds.Count);
        var trigramKeys = new List<int>();
        var trigramVocab = new List<int>();
        for (var v = 0; v < vocab.Length; v++)
        {
            if (vocab[v].Length >= MinTrigramLength - 1)
            {
                foreach (var gram in Trigrams(vocab[v]))
                {
                    trigramKeys.Add(gram);
                    trigramVocab.Add(v);
                }
            }
        }

        _trigramKeys = [.. trigramKeys];
        _trigramVocab = [.. trigramVocab];
        Array.Sort(_trigramKeys, _trigramVocab);
        (_conceptStart, _conceptVocab) = Group(concepts, maxConcept + 1);

        _entries = entries;
        _names = names;
        _nameEntry = nameEntry;
        _entryNameStart = new int[entries.Length + 1];
        for (int i = names.Length - 1, e = entries.Length; e >= 0; e--)
        {
            while (i >= 0 && nameEntry[i] >= e)
            {
                i--;
            }

            _entryNameStart[e] = i + 1;
        }
        _nameTokenStart = nameTokenStart;
        _nameTokens = nameTokens;
        _nameConcat = nameConcat;
        _vocab = vocab;
        _vocabIds = vocabIds;
        _postingStart = postingStart;
        _postings = postings;
        _deletionKeys = deletionKeys;
        _deletionVocab = deletionVocab;
        _concatNames = concatNames;
        _weight = new float[vocab.Length];
        var n = Math.Max(1, entries.Length);
        for (var v = 0; v < vocab.Length; v++)
        {
            _weight[v] = Rarity(n, df[v]) * KindOfWordWeight(vocab[v], _keys[v].Concept);
        }

        _maxWeight = Rarity(n, 1);
        _selectiveLimit = Math.Max(2_000, names.Length / 500);
    }

    // The weight of a word: squared inverse document frequency over entities. Squared, because generic words
    // (KOMPANIYA, NAUCHNO, BANK) must weigh little beside the one word that names the company, and over entities,
    // because the eight aliases of one company repeating its name do not make that name common.
    private static float Rarity(int entities, int frequency)
    {
        var idf = 1 + Math.Log((double)entities / Math.Max(1, frequency));
        return (float)(idf * idf);
    }

    // Vocabulary ids grouped by a key (stem or concept) in one flat array: ids of key k at [start[k], start[k + 1]).
    private static (int[] Start, int[] Ids) Group(int[] keyOf, int keyCount)
    {
        var start = new int[keyCount + 1];
        foreach (var key in keyOf)
        {
            start[key + 1]++;
        }

        for (var k = 0; k < keyCount; k++)
        {
            start[k + 1] += start[k];
        }

        var fill = new int[keyCount];
        var ids = new int[keyOf.Length];
        for (var v = 0; v < keyOf.Length; v++)
        {
            ids[start[keyOf[v]] + fill[keyOf[v]]++] = v;
        }

        return (start, ids);
    }

    /// <summary>Number of names (primary names and aliases) indexed.</summary>
    public int NameCount => _names.Length;

    /// <summary>Number of entities indexed.</summary>
    public int EntityCount => _entries.Length;

    /// <summary>Number of distinct token skeletons.</summary>
    public int VocabularySize => _vocab.Length;

    /// <summary>Builds an index of every name of the given lists.</summary>
    /// <param name="lists">The lists to index.</param>
    /// <param name="progress">Receives the number of names analysed so far, now and then.</param>
    public static ScreeningIndex Build(IEnumerable<SanctionsList> lists, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var entries = new List<(string, ListEntry)>();
        var names = new List<string>();
        var nameEntry = new List<int>();
        foreach (var list in lists)
        {
            foreach (var entry in list.Entries)
            {
                var entryIndex = entries.Count;
                entries.Add((list.Name, entry));
                foreach (var name in entry.AllNames())
                {
                    names.Add(name);
                    nameEntry.Add(entryIndex);
                }
            }
        }

        var nameArray = names.ToArray();
        var analysed = new AnalyzedName[nameArray.Length];
        // Analysis is the costly part of a build: split across the cores in contiguous chunks.
        var done = 0;
        var chunks = Math.Max(1, Math.Min(Environment.ProcessorCount, nameArray.Length / 1_000));
        var tasks = new Task[chunks];
        for (var c = 0; c < chunks; c++)
        {
            var from = (int)((long)nameArray.Length * c / chunks);
            var to = (int)((long)nameArray.Length * (c + 1) / chunks);
            tasks[c] = Task.Run(() =>
            {
                for (var i = from; i < to; i++)
                {
                    analysed[i] = NameNormalizer.Analyze(nameArray[i]);
                    if ((i - from) % 10_000 == 9_999)
                    {
                        progress?.Report(Interlocked.Add(ref done, 10_000));
                    }
                }
            });
        }

        Task.WaitAll(tasks);
        progress?.Report(nameArray.Length);

        var vocabIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocab = new List<string>();
        var df = new List<int>();
        var nameTokenStart = new int[nameArray.Length + 1];
        var nameTokens = new List<int>(nameArray.Length * 3);
        var nameConcat = new string[nameArray.Length];
        var concatNames = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        for (var i = 0; i < analysed.Length; i++)
        {
            nameTokenStart[i] = nameTokens.Count;
            // Rarity is counted over entities, not names: the eight aliases of one company repeating its name do not
            // make that name common.
            if (i == 0 || nameEntry[i] != nameEntry[i - 1])
            {
                seen.Clear();
            }

            foreach (var token in analysed[i].Tokens)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(vocabIds, token.Skeleton, out var exists);
                if (!exists)
                {
                    id = vocab.Count;
                    vocab.Add(token.Skeleton);
                    df.Add(0);
                }

                nameTokens.Add(id);
                if (seen.Add(id))
                {
                    df[id]++;
                }
            }

            // The name written without spaces, C read as K as for stems: TRIZROBOTICS is TRIZ ROBOTIKS written as one word.
            nameConcat[i] = Joined(analysed[i]);
            if (analysed[i].Tokens.Count > 1)
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(concatNames, nameConcat[i], out var exists);
                list ??= [];
                list.Add(i);
            }
        }

        nameTokenStart[nameArray.Length] = nameTokens.Count;

        // Postings: vocabulary id → name ids, in one flat array.
        var dfArray = df.ToArray();
        var postingStart = new int[vocab.Count + 1];
        var fill = new int[vocab.Count];
        var tokenIds = nameTokens.ToArray();
        for (var i = 0; i < nameArray.Length; i++)
        {
            for (var t = nameTokenStart[i]; t < nameTokenStart[i + 1]; t++)
            {
                if (FirstOccurrence(tokenIds, nameTokenStart[i], t))
                {
                    postingStart[tokenIds[t] + 1]++;
                }
            }
        }

        for (var v = 0; v < vocab.Count; v++)
        {
            postingStart[v + 1] += postingStart[v];
        }

        var postings = new int[postingStart[vocab.Count]];
        for (var i = 0; i < nameArray.Length; i++)
        {
            for (var t = nameTokenStart[i]; t < nameTokenStart[i + 1]; t++)
            {
                if (FirstOccurrence(tokenIds, nameTokenStart[i], t))
                {
                    var v = tokenIds[t];
                    postings[postingStart[v] + fill[v]++] = i;
                }
            }
        }

        // Deletion keys: each skeleton and its single-character deletions, hashed, sorted for binary search.
        var vocabArray = vocab.ToArray();
        var keyCount = 0;
        foreach (var word in vocabArray)
        {
            keyCount += 1 + (word.Length >= MinDeletionLength ? word.Length : 0);
        }

        var keys = new ulong[keyCount];
        var keyVocab = new int[keyCount];
        var k = 0;
        for (var v = 0; v < vocabArray.Length; v++)
        {
            var word = vocabArray[v];
            keys[k] = Hash(word, -1);
            keyVocab[k++] = v;
            if (word.Length >= MinDeletionLength)
            {
                for (var skip = 0; skip < word.Length; skip++)
                {
                    keys[k] = Hash(word, skip);
                    keyVocab[k++] = v;
                }
            }
        }

        Array.Sort(keys, keyVocab);

        // Abbreviation keys: the abbreviations of runs of words of every name that is not a person's, hashed, sorted.
        var acronymKeys = new List<ulong>();
        var nameAcronyms = new bool[nameArray.Length];
        var sequences = new Dictionary<int, WordSequence>();
        var compounds = new Dictionary<int, Compound[]>();
        var acronymNames = new List<int>();
        var keysOfName = new HashSet<ulong>();
        var conceptOf = vocabArray.Select(w => w.Length >= 2 ? NameConcepts.Of(NameNormalizer.Stem(w)) : 0).ToArray();
        var translatable = new List<TokenKey>();
        for (var i = 0; i < analysed.Length; i++)
        {
            var tokens = analysed[i].Tokens;
            nameAcronyms[i] = MayHaveAcronyms(entries[nameEntry[i]].Item2.Type, nameArray[i]);
            if (analysed[i].Sequence.Length < 2 || !nameAcronyms[i])
            {
                continue;
            }

            var words = WordSequence.Of(analysed[i]);
            if (words is not null)
            {
                sequences[i] = words;
            }

            if (Compounds(tokens.Select(t => t.Skeleton).ToArray()) is { } compoundsOfName)
            {
                compounds[i] = compoundsOfName;
            }

            keysOfName.Clear();

            // Two words of a name that make one word of the vocabulary (INSTRUMENT ENGINEERING) are found through
            // that word's concept, as a query's single word of it (PRIBOROSTROITELNYI) would be.
            foreach (var compound in compounds.GetValueOrDefault(i) ?? [])
            {
                keysOfName.Add(Hash(CompoundKey(compound.Concept), -1));
            }

            var skeletons = words is not null ? words.Words.Select(w => w.Skeleton).ToList() : tokens.Select(t => t.Skeleton).ToList();
            Acronyms.ForEachRun(skeletons, (_, _, acronym) => keysOfName.Add(Hash(acronym, -1)));

            // And as read with the first letters of the words' translations (VOMZ: VOLOGDA OPTICAL AND MECHANICAL
            // PLANT, Z of ZAVOD), from the words kept: a legal form's translation (COMPANY: K) reads too much.
            translatable.Clear();
            var anyConcept = false;
            for (var t = nameTokenStart[i]; t < nameTokenStart[i + 1]; t++)
            {
                var concept = conceptOf[tokenIds[t]];
                anyConcept |= concept > 0;
                translatable.Add(new TokenKey(vocabArray[tokenIds[t]], -1, concept));
            }

            if (anyConcept)
            {
                Acronyms.ForEachTranslatedRun(translatable, TranslatedKeysPerName, acronym => keysOfName.Add(Hash(acronym, -1)));
            }

            foreach (var key in keysOfName)
            {
                acronymKeys.Add(key);
                acronymNames.Add(i);
            }
        }

        var acronymKeyArray = acronymKeys.ToArray();
        var acronymNameArray = acronymNames.ToArray();
        Array.Sort(acronymKeyArray, acronymNameArray);
        var concat = new Dictionary<string, int[]>(concatNames.Count, StringComparer.Ordinal);
        foreach (var (key, list) in concatNames)
        {
            concat[key] = [.. list];
        }

        return new ScreeningIndex(
            [.. entries], nameArray, [.. nameEntry], nameTokenStart, tokenIds, nameConcat,
            vocabArray, dfArray, vocabIds, postingStart, postings, keys, keyVocab, concat, acronymKeyArray, acronymNameArray, nameAcronyms, sequences, compounds,
            [.. analysed.Select(a => a.Kinds)]);
    }

    /// <summary>Screens one name: the best-matching entities, best first, one row per entity.</summary>
    public IReadOnlyList<ScreeningMatch> Search(string query, ScreeningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= new ScreeningOptions();
        var matches = SearchOnce(query, options);

        // A word typed wholly in Latin letters drawn like Cyrillic ones (TEXHOMAP for ТЕХНОМАР) is also read as
        // Cyrillic, unless the name as written already found an alert. The reading is a guess (PEACE is also РЕАСЕ),
        // so what it finds scores a little lower, and its explanation names the word read.
        if ((matches.Count == 0 || matches[0].Score < ScreeningOptions.AlertThreshold) && NameNormalizer.ReadAsCyrillic(query) is { } reading)
        {
            var merged = matches.ToList();
            foreach (var match in SearchOnce(reading.Text, options))
            {
                var relabelled = match with
                {
                    Score = Math.Round(match.Score * CyrillicReadingCredit, 4),
                    Explanation = ReadBack(match.Explanation, reading.Words),
                };
                var at = merged.FindIndex(m => m.List == match.List && m.EntityId == match.EntityId);
                if (at < 0)
                {
                    merged.Add(relabelled);
                }
                else if (relabelled.Score > merged[at].Score)
                {
                    merged[at] = relabelled;
                }
            }

            matches = [.. merged.Where(m => m.Score >= options.MinimumScore).OrderByDescending(m => m.Score).Take(options.Top)];
        }

        return matches;
    }

    private const double CyrillicReadingCredit = 0.95;

    // The explanation of a match found by reading words as Cyrillic, in the words as the query wrote them.
    private static MatchExplanation ReadBack(MatchExplanation explanation, IReadOnlyDictionary<string, string> words)
    {
        string Back(string token) => words.TryGetValue(token, out var latin) ? latin : token;
        return new MatchExplanation(
            [.. explanation.Pairs.Select(p => words.TryGetValue(p.QueryToken, out var latin) ? p with { QueryToken = latin, Kind = TokenMatchKind.Homoglyph } : p)],
            [.. explanation.UnmatchedQueryTokens.Select(Back)],
            explanation.UnmatchedNameTokens,
            [.. explanation.DroppedLegalForms.Select(Back)]);
    }

    private List<ScreeningMatch> SearchOnce(string query, ScreeningOptions options)
    {
        var analysed = NameNormalizer.Analyze(query);
        if (analysed.Tokens.Count == 0 || options.Top <= 0)
        {
            return [];
        }

        var scratch = _scratchPool.TryTake(out var pooled) ? pooled : new Scratch(_names.Length);
        var queryTokens = analysed.Tokens;
        var queryKeys = new TokenKey[queryTokens.Count];
        var queryWeights = new float[queryTokens.Count];
        for (var i = 0; i < queryTokens.Count; i++)
        {
            queryKeys[i] = KeyOf(queryTokens[i].Skeleton);
            queryWeights[i] = WeightOf(queryTokens[i].Skeleton);
        }

        try
        {
            var queryAcronyms = MayHaveAcronyms(EntityType.Unknown, query);
            var queryWords = queryAcronyms ? WordSequence.Of(analysed) : null;
            var queryCompounds = queryAcronyms ? Compounds(queryKeys.Select(k => k.Skeleton).ToArray()) : null;
            CollectCandidates(analysed, queryCompounds is null ? queryKeys : [.. queryKeys, .. queryCompounds.Select(c => new TokenKey(c.Joined, -1, c.Concept))], scratch);
            var candidates = scratch.TopCandidates(CandidateCount);
            var best = new Dictionary<int, (int Name, double Score)>();
            var queryJoined = Joined(analysed);
            foreach (var name in candidates)
            {
                var score = Score(queryKeys, queryWeights, queryJoined, queryAcronyms, queryWords, queryCompounds, name, scratch);
                var entry = _nameEntry[name];
                // Among equal scores, the name closest in length to the query reads best (ROSOBORONEXPORT, not ROSOBORONEKSPORT OAO).
                if (score >= options.MinimumScore && (!best.TryGetValue(entry, out var current) || score > current.Score ||
                    (score == current.Score && Math.Abs(_names[name].Length - query.Length) < Math.Abs(_names[current.Name].Length - query.Length))))
                {
                    best[entry] = (name, score);
                }
            }

            // Between equal scores, the name whose legal form or kind of body agrees with the query's comes first:
            // first the kinds they say however written (CJSC VAD: AO VAD, both joint-stock companies, before WAAD;
            // AKTSIONERNOE OBSHCHESTVO SPETSTEKHNIKA: AO SPETSTEKHNIKA before the OOO), then the words themselves
            // (LLC JV KVANT: LLC JOINT VENTURE KVANT, sharing LLC, before AO NPO KVANT), then list order.
            var queryForms = WordSequence.Of(analysed) is { } sequence ? sequence.Words.Where((_, k) => sequence.Kept[k] < 0).ToArray() : [];
            var ranked = best.OrderByDescending(p => Math.Round(p.Value.Score, 4))
                .ThenByDescending(p => LegalForms.SharedKinds(analysed.Kinds, _kinds[p.Value.Name]))
                .ThenByDescending(p => queryForms.Length == 0 ? 0 : FormAgreement(queryForms, p.Value.Name))
                .ThenBy(p => p.Key).Take(options.Top);
            var results = new List<ScreeningMatch>(Math.Min(options.Top, best.Count));
            foreach (var (entryIndex, (name, score)) in ranked)
            {
                var (list, entry) = _entries[entryIndex];
                var rounded = Math.Round(score, 4);
                results.Add(new ScreeningMatch(list, entry.EntityId, entry.PrimaryName, _names[name], rounded, Explain(analysed, queryAcronyms, queryCompounds, name)));
            }

            return results;
        }
        finally
        {
            scratch.Reset();
            _scratchPool.Add(scratch);
        }
    }

    // How many set-aside words (legal forms, kinds of body) of the query and of the name agree: the same word, the same
    // word of the vocabulary, or an abbreviation of the other side's (JSC RPA / JOINT STOCK COMPANY RESEARCH AND
    // PRODUCTION ASSOCIATION agree in all nine words; LLC JOINT VENTURE in two).
    private int FormAgreement(TokenKey[] queryForms, int name)
    {
        if (!_sequences.TryGetValue(name, out var words))
        {
            return 0;
        }

        var nameForms = words.Words.Where((_, k) => words.Kept[k] < 0).ToArray();
        var queryAgrees = new bool[queryForms.Length];
        var nameAgrees = new bool[nameForms.Length];
        for (var i = 0; i < queryForms.Length; i++)
        {
            for (var j = 0; j < nameForms.Length; j++)
            {
                if (!nameAgrees[j] && (string.Equals(queryForms[i].Skeleton, nameForms[j].Skeleton, StringComparison.Ordinal) ||
                    (queryForms[i].Concept > 0 && queryForms[i].Concept == nameForms[j].Concept)))
                {
                    queryAgrees[i] = nameAgrees[j] = true;
                    break;
                }
            }
        }

        Abbreviations(nameForms, nameAgrees, queryForms, queryAgrees);
        Abbreviations(queryForms, queryAgrees, nameForms, nameAgrees);
        return queryAgrees.Count(a => a) + nameAgrees.Count(a => a);

        static void Abbreviations(TokenKey[] shortSide, bool[] shortAgrees, TokenKey[] longSide, bool[] longAgrees)
        {
            for (var i = 0; i < shortSide.Length; i++)
            {
                if (!shortAgrees[i] && Acronyms.MayAbbreviate(shortSide[i].Skeleton) &&
                    Acronyms.TryFindRun(shortSide[i].Skeleton, longSide, longAgrees, out var start, out var end, out _))
                {
                    shortAgrees[i] = true;
                    longAgrees.AsSpan(start, end - start).Fill(true);
                }
            }
        }
    }

    /// <summary>Similarity in [0, 1] of two names, by the same scoring as <see cref="Search"/> (weights of this index).</summary>
    public double Compare(string query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(name);
        var q = NameNormalizer.Analyze(query);
        var n = NameNormalizer.Analyze(name);
        var qs = q.Tokens.Select(t => KeyOf(t.Skeleton)).ToArray();
        var ns = n.Tokens.Select(t => KeyOf(t.Skeleton)).ToArray();
        var acronyms = MayHaveAcronyms(EntityType.Unknown, query) && MayHaveAcronyms(EntityType.Unknown, name);
        return ScoreTokens(qs, qs.Select(k => WeightOf(k.Skeleton)).ToArray(), Joined(q), ns, ns.Select(k => WeightOf(k.Skeleton)).ToArray(), Joined(n),
            acronyms, WordSequence.Of(q), WordSequence.Of(n),
            acronyms ? Compounds(qs.Select(k => k.Skeleton).ToArray()) : null, acronyms ? Compounds(ns.Select(k => k.Skeleton).ToArray()) : null);
    }

    // A name's skeletons written together, C read as K (English spellings write К as C).
    private static string Joined(AnalyzedName name) => name.Concatenated.Replace('c', 'k');

    // The comparable key of a skeleton: the index's own key for a known word, else its stem and concept looked up.
    private TokenKey KeyOf(string skeleton)
    {
        if (_vocabIds.TryGetValue(skeleton, out var id))
        {
            return _keys[id];
        }

        var stem = StemKey(skeleton);
        return new TokenKey(skeleton, _stemIds.TryGetValue(stem, out var stemId) ? stemId : -1, NameConcepts.Of(NameNormalizer.Stem(skeleton)));
    }

    // The key on which inflected forms agree: the stem, with C read as K (SOVCOMCARD / SOVKOMKARD, ELECTRONIKA /
    // ELEKTRONIKA): English spellings of Russian names write К as C before a, o, u and consonants; and with H read as
    // K, because words of Greek origin write as CH in English what Russian writes as Х (MECHANIKA / MEKHANIKA,
    // ELECTROMECHANICS / ELEKTROMEKHANIKA; the skeleton already reads CH as C and KH as H).
    private static string StemKey(string skeleton) => NameNormalizer.Stem(skeleton).Replace('c', 'k').Replace('h', 'k');

    private float WeightOf(string skeleton) => _vocabIds.TryGetValue(skeleton, out var id) ? _weight[id]
        : _maxWeight * KindOfWordWeight(skeleton, NameConcepts.Of(NameNormalizer.Stem(skeleton)));

    // What a word's rarity is worth for the kind of word it is: a word of the vocabulary or a lone letter, less.
    private static float KindOfWordWeight(string skeleton, int concept) =>
        (concept > 0 ? GenericWeight : 1f) * (skeleton.Length == 1 ? InitialWeight : 1f);

    // A lone letter (the initial K of K. A. VOLODINA, the I of I A C INTERNATIONAL) is one of twenty-six: agreeing in
    // one says little whatever its rarity among the listed names.
    private const float InitialWeight = 0.5f;

    // Words of the bilingual vocabulary (PLANT, KONTSERN, NAUCHNO) describe what a body is, not which one it is: they
    // weigh half what their rarity alone would give.
    private const float GenericWeight = 0.5f;

    private void CollectCandidates(AnalyzedName query, TokenKey[] keys, Scratch scratch)
    {
        // A query holding a word of the vocabulary, a legal form or a kind of body names an organisation. Persons'
        // names hold none, so the lookups made for organisations alone below never slow their queries.
        var vocabularyWords = keys.Any(k => k.Concept > 0);
        var organisation = vocabularyWords || query.SetAside is not null;

        // Which vocabulary tokens each query token may stand for, with similarity.
        var skeletons = keys.Select(k => k.Skeleton).ToArray();
        var perToken = new List<(int Vocab, float Similarity)>[skeletons.Length];
        var anySelective = false;
        for (var i = 0; i < skeletons.Length; i++)
        {
            perToken[i] = SimilarVocabulary(keys[i], scratch);
            foreach (var (vocab, _) in perToken[i])
            {
                anySelective |= PostingLength(vocab) <= _selectiveLimit;
            }
        }

        // Rarest words first, within a budget of postings: a rare word (a surname, a company name) narrows the
        // candidates far better than a common one, and random reads of long postings are what a query costs.
        var work = new List<(int Vocab, float Similarity, int Length)>();
        for (var i = 0; i < skeletons.Length; i++)
        {
            foreach (var (vocab, similarity) in perToken[i])
            {
                var length = PostingLength(vocab);
                if (!anySelective || length <= _selectiveLimit)
                {
                    work.Add((vocab, similarity, length));
                }
            }
        }

        work.Sort((a, b) => a.Length.CompareTo(b.Length));

        // Only a query with words of the vocabulary can share with a name what the evidence misses (a translation).
        if (vocabularyWords)
        {
            var guaranteed = 0;
            foreach (var (vocab, similarity, length) in work)
            {
                if (similarity >= 1 && guaranteed + length <= RarestWordNames)
                {
                    guaranteed += length;
                    scratch.Guarantee(_postings.AsSpan(_postingStart[vocab], length));
                }
            }
        }

        var budget = PostingBudget;
        foreach (var (vocab, similarity, length) in work)
        {
            if (budget <= 0)
            {
                break;
            }

            budget -= length;
            var gain = similarity * _weight[vocab];
            for (var p = _postingStart[vocab]; p < _postingStart[vocab + 1]; p++)
            {
                scratch.Add(_postings[p], gain);
            }
        }

        // Names holding several of the query's words exactly, however common each word is (Sergei Ivanovich
        // Petrov among thousands of Sergeis, Ivanoviches and Petrovs): postings are sorted by name, so the rarest
        // list is filtered by binary search in the others. This is what the posting budget above cannot see.
        var exactLists = new List<int>(skeletons.Length);
        for (var i = 0; i < skeletons.Length; i++)
        {
            if (_vocabIds.TryGetValue(skeletons[i], out var exactVocab) && !exactLists.Contains(exactVocab))
            {
                exactLists.Add(exactVocab);
            }
        }

        if (exactLists.Count >= 2)
        {
            exactLists.Sort((a, b) => PostingLength(a).CompareTo(PostingLength(b)));

            // A typo may itself be a rare word of the index sharing nothing with the rest: a list that would empty the
            // intersection is passed over, and if the rarest list joins none, the next one leads.
            for (var lead = 0; lead < Math.Min(2, exactLists.Count - 1); lead++)
            {
                if (PostingLength(exactLists[lead]) > MaxIntersection)
                {
                    break;
                }

                var leadLength = PostingLength(exactLists[lead]);
                var rented = ArrayPool<int>.Shared.Rent(leadLength);
                var survivors = rented.AsSpan(0, leadLength);
                _postings.AsSpan(_postingStart[exactLists[lead]], leadLength).CopyTo(survivors);
                var count = leadLength;
                var joined = 1;
                var joinedWeight = _weight[exactLists[lead]];
                for (var l = 0; l < exactLists.Count; l++)
                {
                    if (l == lead)
                    {
                        continue;
                    }

                    // When no survivor is in the list, nothing was overwritten: the list is simply passed over.
                    var kept = Intersect(survivors[..count], _postings.AsSpan(_postingStart[exactLists[l]], PostingLength(exactLists[l])));
                    if (kept > 0)
                    {
                        count = kept;
                        joined++;
                        joinedWeight += _weight[exactLists[l]];
                    }
                }

                if (joined >= 2)
                {
                    // Survivors that also hold a near match of the other words (a typo) come first among them.
                    var near = new Dictionary<int, float>();
                    foreach (var candidates in perToken)
                    {
                        foreach (var (vocab, similarity) in candidates)
                        {
                            if (similarity < 1 && (!near.TryGetValue(vocab, out var known) || known < similarity))
                            {
                                near[vocab] = similarity;
                            }
                        }
                    }

                    for (var k = 0; k < count; k++)
                    {
                        var name = survivors[k];
                        // The evidence the common words would have given had they not been passed over, so that these
                        // names rank among, not above, those found through rarer words.
                        var gain = joinedWeight;
                        if (near.Count > 0)
                        {
                            for (var t = _nameTokenStart[name]; t < _nameTokenStart[name + 1]; t++)
                            {
                                if (near.TryGetValue(_nameTokens[t], out var similarity))
                                {
                                    gain += similarity * _weight[_nameTokens[t]];
                                }
                            }
                        }

                        scratch.Add(name, gain);
                    }

                    ArrayPool<int>.Shared.Return(rented);
                    break;
                }

                ArrayPool<int>.Shared.Return(rented);
            }
        }

        // Abbreviations: a short query word standing for a run of a listed name's words (RNKB), and a run of the
        // query's words standing for a listed abbreviation (… ROSSISKAYA INNOVATSIONNAYA TOPLIVNO ENERGETICHESKAYA
        // KOMPANIYA / RITEK).
        foreach (var key in keys)
        {
            if (!Acronyms.MayAbbreviate(key.Skeleton, Acronyms.MaxLetters))
            {
                continue;
            }

            // Initials are joined into a skeleton again (CK reads K), so a written abbreviation is looked up as such too.
            var again = NameNormalizer.Skeleton(key.Skeleton);
            AcronymKey(key.Skeleton);
            if (!string.Equals(again, key.Skeleton, StringComparison.Ordinal))
            {
                AcronymKey(again);
            }

            // Initials ending in a syllable (UVIKOM: UGLERODNYE VOLOKNA I KOMPOZITY): the initials before it, four at least.
            if (organisation && key.Skeleton.Length >= 6 && !_vocabIds.ContainsKey(key.Skeleton))
            {
                for (var cut = 4; cut <= key.Skeleton.Length - 2; cut++)
                {
                    AcronymKey(key.Skeleton[..cut]);
                }
            }
        }

        // A word of the vocabulary finds the names writing it as a compound of two words (PRIBOROSTROITELNYI:
        // INSTRUMENT ENGINEERING), as a translation of it.
        foreach (var key in keys)
        {
            if (key.Concept > 0)
            {
                NamesUnder(CompoundKey(key.Concept), (float)TranslationCredit * GenericWeight);
            }
        }

        void AcronymKey(string acronym) => NamesUnder(acronym, (float)AcronymCredit);

        // The names filed under a key of the abbreviation table, credited as rare as the key is.
        void NamesUnder(string key, float credit)
        {
            var (from, to) = EqualRange(_acronymKeys, Hash(key, -1));
            if (to > from && to - from <= _selectiveLimit)
            {
                var gain = credit * Rarity(_entries.Length, to - from);
                for (var p = from; p < to; p++)
                {
                    scratch.Add(_acronymNames[p], gain);
                }
            }
        }

        // A word made of syllables ends, as often as not, in a whole word of the name it abbreviates (KAMKABEL:
        // KAMSKII KABEL; REMBAZA: REMONTNAYA BAZA), or begins with one (NORILSKPROMTRANSPORT: NORILSK INDUSTRIAL
        // TRANSPORT) or the stem of one (KURGANMASHZAVOD: KURGANSKY MASHINOSTROITELNY FACTORY); a beginning of four
        // letters or more, as shorter ones are the beginnings of too many words. A stem is looked up only when more
        // than an ending follows it: RESPUBLIKANSKI is a form of RESPUBLIKANSKOE, found as such, not a syllable word.
        foreach (var key in keys)
        {
            if (key.Skeleton.Length < 6 || _vocabIds.ContainsKey(key.Skeleton) || !Acronyms.MayAbbreviate(key.Skeleton))
            {
                continue;
            }

            for (var split = 2; split <= key.Skeleton.Length - 3; split++)
            {
                WholeWord(key.Skeleton[split..]);
                if (split >= 4)
                {
                    var head = key.Skeleton[..split];
                    WholeWord(head);
                    if (NameNormalizer.Stem(key.Skeleton).Length - split >= 3 && _stemIds.TryGetValue(head, out var stem))
                    {
                        for (var i = _stemStart[stem]; i < _stemStart[stem + 1]; i++)
                        {
                            if (_vocab[_stemVocab[i]] != head)
                            {
                                AddPostings(_stemVocab[i], SyllableCredit * InflectionCredit, scratch);
                            }
                        }
                    }
                }
            }
        }

        void WholeWord(string part)
        {
            if (_vocabIds.TryGetValue(part, out var word))
            {
                AddPostings(word, SyllableCredit, scratch);
            }
        }

        var allWords = query.Sequence.Select(t => t.Skeleton).ToList();
        if (allWords.Count >= 2)
        {
            var looked = new HashSet<string>(StringComparer.Ordinal);
            void LookUp(string acronym)
            {
                if (!looked.Add(acronym))
                {
                    return;
                }

                if (_vocabIds.TryGetValue(acronym, out var vocab))
                {
                    AddPostings(vocab, AcronymCredit, scratch);
                }

                if (_respelled.TryGetValue(acronym, out var respelledWords))
                {
                    foreach (var word in respelledWords)
                    {
                        AddPostings(word, AcronymCredit, scratch);
                    }
                }
            }

            Acronyms.ForEachRun(allWords, (_, _, acronym) => LookUp(acronym));
            // Readings through translations only when some word is in the vocabulary (never, for most persons' names).
            var translatable = allWords.Select(w => new TokenKey(w, -1, w.Length >= 2 ? NameConcepts.Of(NameNormalizer.Stem(w)) : 0)).ToList();
            if (translatable.Exists(k => k.Concept > 0))
            {
                Acronyms.ForEachTranslatedRun(translatable, 64, LookUp);
            }

            SyllableWords(translatable, scratch);
        }

        // The whole name written without spaces, or a one-word query against a spaced name.
        if (query.Tokens.Count > 0)
        {
            if (_concatNames.TryGetValue(Joined(query), out var spaced))
            {
                foreach (var name in spaced)
                {
                    scratch.Add(name, 1000);
                }
            }

            if (query.Tokens.Count > 1 && _vocabIds.TryGetValue(query.Concatenated, out var joined) && PostingLength(joined) <= _selectiveLimit)
            {
                for (var p = _postingStart[joined]; p < _postingStart[joined + 1]; p++)
                {
                    scratch.Add(_postings[p], 1000);
                }
            }
        }
    }

    // Listed words made of the first syllables of a run of the query's words (RUSELECTRONICS: RUSSIAN ELECTRONICS;
    // KRAYINVESTBANK: KRAEVOY INVESTITSIONNIY BANK), the converse of the syllable words a query writes: listed words
    // beginning with three or more letters of one query word and the beginning of the next are read against the run.
    // Two-letter beginnings found little more and cost most.
    private void SyllableWords(List<TokenKey> words, Scratch scratch)
    {
        Span<char> prefix = stackalloc char[MaxSyllablePrefix * 2];
        HashSet<int>? tried = null;
        bool[]? unused = null;
        foreach (var word in words)
        {
            // Listed words that begin with a whole word of the query (ROSATOMPORT: ROSATOM), a few at most.
            if (word.Skeleton.Length >= 5 && word.Concept == 0 && char.IsAsciiLetter(word.Skeleton[0]))
            {
                var (from, to) = PrefixRange(_syllableWords, word.Skeleton, 0, _syllableWords.Length);
                if (to - from <= MaxSyllableScan)
                {
                    for (var at = from; at < to; at++)
                    {
                        if (_syllableWords[at].Length > word.Skeleton.Length + 2 && (tried ??= []).Add(_syllableVocab[at]))
                        {
                            AddPostings(_syllableVocab[at], SyllableCredit, scratch);
                        }
                    }
                }
            }
        }

        for (var s = 0; s + 1 < words.Count; s++)
        {
            var own = words[s].Skeleton;
            var next = words[s + 1].Skeleton;
            if (own.Length < 2 || Acronyms.IsFunctionWord(own) || Acronyms.IsFunctionWord(next) ||
                !char.IsAsciiLetter(own[0]) || !char.IsAsciiLetter(next[0]))
            {
                continue;
            }

            // The word as written, and the forms of its translation (DEVICES: PRIBORY, in PRIST).
            var spellings = words[s].Concept > 0 ? NameConcepts.SpellingsOf(words[s].Concept) : [];
            for (var f = -1; f < spellings.Length; f++)
            {
                var first = f < 0 ? own : spellings[f];
                if (f >= 0 && string.Equals(first, own, StringComparison.Ordinal))
                {
                    continue;
                }

                SyllableWordsFrom(first, next, s, words, scratch, prefix, ref tried, ref unused);
            }

            // An initial before a short word written whole (TGOK: TUGANSKY GOK); a word, not itself an abbreviation.
            if (next.Length is >= 2 and <= 4 && next.AsSpan().ContainsAny("aeiou") &&
                _vocabIds.TryGetValue(string.Concat(own.AsSpan(0, 1), next), out var vocab) && (tried ??= []).Add(vocab))
            {
                AddPostings(vocab, SyllableCredit, scratch);
            }
        }
    }

    // Listed syllable words beginning with three to five letters of `first` (one spelling of the query's word at `s`)
    // and the beginning of `next`, read against the query's run from `s`.
    private void SyllableWordsFrom(string first, string next, int s, List<TokenKey> words, Scratch scratch, Span<char> prefix, ref HashSet<int>? tried, ref bool[]? unused)
    {
        for (var a = 3; a <= Math.Min(MaxSyllablePrefix, first.Length); a++)
        {
            first.AsSpan(0, a).CopyTo(prefix);
            var (from, to) = PrefixRange(_syllableWords, prefix[..a], 0, _syllableWords.Length);
            if (from == to)
            {
                break;
            }

            // Each further letter of the next word narrows the listed words; they are read once few enough are left.
            for (var b = 1; b <= Math.Min(MaxSyllablePrefix, next.Length) && from < to; b++)
            {
                prefix[a + b - 1] = next[b - 1];
                (from, to) = PrefixRange(_syllableWords, prefix[..(a + b)], from, to);
                if (to - from > MaxSyllableScan)
                {
                    continue;
                }

                for (var at = from; at < to; at++)
                {
                    var vocab = _syllableVocab[at];
                    tried ??= [];
                    unused ??= new bool[words.Count];
                    if (!tried.Add(vocab) || PostingLength(vocab) > _selectiveLimit ||
                        !Acronyms.TryFindRun(_syllableWords[at], CollectionsMarshal.AsSpan(words)[s..], unused.AsSpan(s), out _, out _, out var initials) || initials)
                    {
                        continue;
                    }

                    AddPostings(vocab, SyllableCredit, scratch);
                }

                break;
            }
        }
    }

    // Every name holding a listed word, credited with `credit` times its weight, unless so many hold it that it says
    // nothing (and would cost most).
    private void AddPostings(int vocab, double credit, Scratch scratch)
    {
        if (PostingLength(vocab) > _selectiveLimit)
        {
            return;
        }

        var gain = (float)(credit * _weight[vocab]);
        for (var p = _postingStart[vocab]; p < _postingStart[vocab + 1]; p++)
        {
            scratch.Add(_postings[p], gain);
        }
    }

    // Syllable words take at most this many letters of a word; listed words are read against the query's run once a
    // beginning leaves no more than this many of them.
    private const int MaxSyllablePrefix = 5;
    private const int MaxSyllableScan = 16;

    // The entries of sorted[from..to) that begin with `prefix`, as [From, To).
    private static (int From, int To) PrefixRange(string[] sorted, ReadOnlySpan<char> prefix, int from, int to)
    {
        int low = from, high = to;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid].AsSpan().CompareTo(prefix, StringComparison.Ordinal) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var start = low;
        high = to;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid].AsSpan().StartsWith(prefix, StringComparison.Ordinal))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return (start, low);
    }

    private List<(int Vocab, float Similarity)> SimilarVocabulary(TokenKey key, Scratch scratch)
    {
        var skeleton = key.Skeleton;
        var result = new List<(int, float)>();
        scratch.VocabSeen.Clear();
        if (_vocabIds.TryGetValue(skeleton, out var exact))
        {
            result.Add((exact, 1f));
            scratch.VocabSeen.Add(exact);
        }

        // Other cases of the word, and its translations.
        if (key.Stem >= 0)
        {
            for (var i = _stemStart[key.Stem]; i < _stemStart[key.Stem + 1]; i++)
            {
                if (scratch.VocabSeen.Add(_stemVocab[i]))
                {
                    result.Add((_stemVocab[i], (float)InflectionCredit));
                }
            }
        }

        if (key.Concept > 0 && key.Concept + 1 < _conceptStart.Length)
        {
            for (var i = _conceptStart[key.Concept]; i < _conceptStart[key.Concept + 1]; i++)
            {
                if (scratch.VocabSeen.Add(_conceptVocab[i]))
                {
                    result.Add((_conceptVocab[i], (float)TranslationCredit));
                }
            }
        }

        if (skeleton.Length < MinDeletionLength - 1)
        {
            return result;
        }

        Probe(Hash(skeleton, -1));
        if (skeleton.Length >= MinDeletionLength)
        {
            for (var skip = 0; skip < skeleton.Length; skip++)
            {
                Probe(Hash(skeleton, skip));
            }
        }

        if (skeleton.Length >= MinTrigramLength && !result.Exists(r => r.Item2 >= 0.7f))
        {
            NearByTrigrams(skeleton, result, scratch);
        }

        return result;

        void Probe(ulong key)
        {
            var (from, to) = EqualRange(_deletionKeys, key);
            for (var at = from; at < to; at++)
            {
                var vocab = _deletionVocab[at];
                if (!scratch.VocabSeen.Add(vocab))
                {
                    continue;
                }

                var similarity = TokenSimilarity(skeleton, _vocab[vocab]);
                if (similarity > 0)
                {
                    result.Add((vocab, (float)similarity));
                }
            }
        }
    }

    // Words sharing most of their letter triples with a long query word (after C is read as K): spellings more than
    // one edit apart (AVIATREID / AVIATRADE, SIBANTHRACITE / SIBANTRATSIT, HALFWIND / GALFVIND) that the deletion keys
    // cannot reach. Asked only when nothing close was found the cheap way.
    private void NearByTrigrams(string skeleton, List<(int Vocab, float Similarity)> result, Scratch scratch)
    {
        var grams = Trigrams(skeleton);
        var counts = scratch.TrigramCounts;
        counts.Clear();
        foreach (var gram in grams)
        {
            // A triple most words share (-ov$, ^ko) says nothing and costs most.
            var (from, to) = EqualRange(_trigramKeys, gram);
            if (to == from || to - from > MaxTrigramPostings)
            {
                continue;
            }

            for (var p = from; p < to; p++)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, _trigramVocab[p], out _)++;
            }
        }

        var needed = Math.Max(3, (grams.Count + 1) / 2);
        foreach (var (vocab, shared) in counts)
        {
            if (shared < needed || !scratch.VocabSeen.Add(vocab))
            {
                continue;
            }

            var similarity = TokenSimilarity(skeleton, _vocab[vocab]);
            if (similarity > 0)
            {
                result.Add((vocab, (float)similarity));
            }
        }
    }

    private const int MaxTrigramPostings = 4_000;

    // Abbreviation keys a name gets through its words' translations, at most.
    private const int TranslatedKeysPerName = 16;

    // The run of entries equal to `key` in a sorted array, as [From, To); empty when there is none.
    private static (int From, int To) EqualRange<T>(T[] sorted, T key)
        where T : IComparable<T>
    {
        var at = Array.BinarySearch(sorted, key);
        if (at < 0)
        {
            return (0, 0);
        }

        var from = at;
        while (from > 0 && sorted[from - 1].CompareTo(key) == 0)
        {
            from--;
        }

        var to = at + 1;
        while (to < sorted.Length && sorted[to].CompareTo(key) == 0)
        {
            to++;
        }

        return (from, to);
    }
    private const int MinTrigramLength = 6;

    // Letter triples of a word padded at both ends, C read as K, as distinct integers.
    private static HashSet<int> Trigrams(string skeleton)
    {
        var grams = new HashSet<int>();
        var padded = "^" + skeleton.Replace('c', 'k') + "$";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            grams.Add((padded[i] << 16) ^ (padded[i + 1] << 8) ^ padded[i + 2] ^ (padded[i + 1] << 20));
        }

        return grams;
    }

    // Keeps, at the front of `survivors`, those also in `other` (both sorted); returns how many. Writes only when at
    // least one is kept, so a list sharing nothing leaves the survivors as they were. A merge when the lists are of
    // similar length, binary search when `other` is much longer.
    private static int Intersect(Span<int> survivors, ReadOnlySpan<int> other)
    {
        var kept = 0;
        if (other.Length < survivors.Length * 16)
        {
            var j = 0;
            for (var k = 0; k < survivors.Length && j < other.Length; k++)
            {
                var value = survivors[k];
                while (j < other.Length && other[j] < value)
                {
                    j++;
                }

                if (j < other.Length && other[j] == value)
                {
                    survivors[kept++] = value;
                }
            }
        }
        else
        {
            foreach (var value in survivors)
            {
                if (other.BinarySearch(value) >= 0)
                {
                    survivors[kept++] = value;
                }
            }
        }

        return kept;
    }

    private int PostingLength(int vocab) => _postingStart[vocab + 1] - _postingStart[vocab];

    private double Score(TokenKey[] queryKeys, float[] queryWeights, string queryConcat, bool queryAcronyms, WordSequence? queryWords, Compound[]? queryCompounds, int name, Scratch scratch)
    {
        var start = _nameTokenStart[name];
        var count = _nameTokenStart[name + 1] - start;
        scratch.NameKeys.Clear();
        scratch.NameWeights.Clear();
        for (var t = 0; t < count; t++)
        {
            var vocab = _nameTokens[start + t];
            scratch.NameKeys.Add(_keys[vocab]);
            scratch.NameWeights.Add(_weight[vocab]);
        }

        return ScoreTokens(queryKeys, queryWeights, queryConcat,
            CollectionsMarshal.AsSpan(scratch.NameKeys), CollectionsMarshal.AsSpan(scratch.NameWeights), _nameConcat[name],
            queryAcronyms && _nameAcronyms[name], queryWords, _sequences.GetValueOrDefault(name),
            queryAcronyms && _nameAcronyms[name] ? queryCompounds : null, queryAcronyms && _nameAcronyms[name] ? _compounds.GetValueOrDefault(name) : null);
    }

    /// <summary>
    /// Token-assignment score: pairs are taken greedily by similarity, each pair counting its similarity times the
    /// weights of both tokens; unmatched tokens on either side count zero. Names written with and without spaces are
    /// compared on their joined skeletons.
    /// </summary>
    internal static double ScoreTokens(
        ReadOnlySpan<TokenKey> query, ReadOnlySpan<float> queryWeights, string queryConcat,
        ReadOnlySpan<TokenKey> name, ReadOnlySpan<float> nameWeights, string nameConcat, bool acronyms,
        WordSequence? queryWords = null, WordSequence? nameWords = null, Compound[]? queryCompounds = null, Compound[]? nameCompounds = null)
    {
        if (query.Length == 0 || name.Length == 0)
        {
            return 0;
        }

        var pairCount = query.Length * name.Length;
        Span<double> similarity = pairCount <= 64 ? stackalloc double[pairCount] : new double[pairCount];
        for (var i = 0; i < query.Length; i++)
        {
            for (var j = 0; j < name.Length; j++)
            {
                similarity[(i * name.Length) + j] = Similarity(query[i], name[j]);
            }
        }

        Span<bool> queryUsed = query.Length <= 64 ? stackalloc bool[query.Length] : new bool[query.Length];
        Span<bool> nameUsed = name.Length <= 64 ? stackalloc bool[name.Length] : new bool[name.Length];
        queryUsed.Clear();
        nameUsed.Clear();
        double matchedQuery = 0, matchedName = 0;
        // Equal words, and other cases of one word (ARZAMASSKIY / ARZAMAS), pair first; then abbreviations take the words
        // they stand for (KAMKABEL is KAMSKII KABEL, not a misspelt KABEL); then the closest of the rest pair greedily.
        PairGreedily(similarity, name.Length, queryUsed, nameUsed, queryWeights, nameWeights, InflectionCredit, ref matchedQuery, ref matchedName);
        // Two words of one side that the vocabulary knows written together (MACHINE BUILDING: MACHINEBUILDING, the
        // concept of MASHINOSTROENIE) stand for one word of the other.
        foreach (var (at, j) in ReadCompounds(queryCompounds, queryUsed, name, nameUsed))
        {
            matchedQuery += TranslationCredit * (queryWeights[at] + queryWeights[at + 1]);
            matchedName += TranslationCredit * nameWeights[j];
        }

        foreach (var (at, i) in ReadCompounds(nameCompounds, nameUsed, query, queryUsed))
        {
            matchedName += TranslationCredit * (nameWeights[at] + nameWeights[at + 1]);
            matchedQuery += TranslationCredit * queryWeights[i];
        }

        if (acronyms)
        {
            MatchAcronyms(query, queryWeights, queryUsed, queryWords, name, nameWeights, nameUsed, nameWords, ref matchedQuery, ref matchedName);
            MatchAcronyms(name, nameWeights, nameUsed, nameWords, query, queryWeights, queryUsed, queryWords, ref matchedName, ref matchedQuery);
        }

        PairGreedily(similarity, name.Length, queryUsed, nameUsed, queryWeights, nameWeights, 0.0, ref matchedQuery, ref matchedName);

        double queryTotal = 0, nameTotal = 0;
        foreach (var w in queryWeights)
        {
            queryTotal += w;
        }

        foreach (var w in nameWeights)
        {
            nameTotal += w;
        }

        // Mostly symmetric (both names fully explained), partly containment (one name found whole inside the other:
        // a listed name inside a longer counterparty name, or a short alias of a long name). One shared word is weak
        // evidence, so containment of a one-word name counts less.
        var symmetric = (matchedQuery + matchedName) / (queryTotal + nameTotal);
        var containment = Math.Max(matchedQuery / queryTotal, matchedName / nameTotal) * (Math.Min(query.Length, name.Length) >= 2 ? 1.0 : 0.6);
        var score = (0.7 * symmetric) + (0.3 * Math.Max(symmetric, containment));
        if (query.Length != name.Length && queryConcat.Length >= 6 && nameConcat.Length >= 6)
        {
            // Spacing differs (ROSOBORON EXPORT / ROSOBORONEXPORT): compare the joined forms, a little below a token match.
            // By edit distance, not Jaro-Winkler: two long names sharing their first words would otherwise look alike.
            var joined = queryConcat == nameConcat ? 1.0
                : 1.0 - ((double)StringSimilarity.Levenshtein(queryConcat, nameConcat) / Math.Max(queryConcat.Length, nameConcat.Length));
            if (joined >= 0.9)
            {
                score = Math.Max(score, joined * 0.97);
            }
        }

        return Math.Clamp(score, 0, 1);
    }

    // Pairs of adjacent words whose joined form is a word of the vocabulary (MACHINE BUILDING, SHIP REPAIR, REAL
    // ESTATE, INSTRUMENT MAKING), with its concept; null when there is none (most names).
    internal static Compound[]? Compounds(string[] skeletons)
    {
        List<Compound>? found = null;
        for (var i = 0; i + 1 < skeletons.Length; i++)
        {
            if (NameConcepts.OfCompound(skeletons[i], skeletons[i + 1]) is > 0 and var concept)
            {
                (found ??= []).Add(new Compound(i, concept, skeletons[i] + skeletons[i + 1]));
            }
        }

        return found?.ToArray();
    }

    // Each compound of one side whose two words are untaken, with an untaken word of the other side of the same
    // concept; marks them taken.
    private static List<(int At, int Other)> ReadCompounds(Compound[]? compounds, Span<bool> used, ReadOnlySpan<TokenKey> other, Span<bool> otherUsed)
    {
        var found = new List<(int, int)>();
        if (compounds is null)
        {
            return found;
        }

        foreach (var compound in compounds)
        {
            if (used[compound.At] || used[compound.At + 1])
            {
                continue;
            }

            for (var j = 0; j < other.Length; j++)
            {
                if (!otherUsed[j] && other[j].Concept == compound.Concept)
                {
                    used[compound.At] = used[compound.At + 1] = otherUsed[j] = true;
                    found.Add((compound.At, j));
                    break;
                }
            }
        }

        return found;
    }

    // Takes, best first, unused pairs whose similarity is at least `floor` (and above zero).
    private static void PairGreedily(
        ReadOnlySpan<double> similarity, int nameLength, Span<bool> queryUsed, Span<bool> nameUsed,
        ReadOnlySpan<float> queryWeights, ReadOnlySpan<float> nameWeights, double floor, ref double matchedQuery, ref double matchedName)
    {
        while (true)
        {
            var bestAt = -1;
            var bestValue = 0.0;
            for (var x = 0; x < similarity.Length; x++)
            {
                if (similarity[x] > bestValue && similarity[x] >= floor && !queryUsed[x / nameLength] && !nameUsed[x % nameLength])
                {
                    bestValue = similarity[x];
                    bestAt = x;
                }
            }

            if (bestAt < 0)
            {
                return;
            }

            var qi = bestAt / nameLength;
            var nj = bestAt % nameLength;
            queryUsed[qi] = true;
            nameUsed[nj] = true;
            matchedQuery += bestValue * queryWeights[qi];
            matchedName += bestValue * nameWeights[nj];
        }
    }

    // A person's initials are not an abbreviation (SOLIS, Rene Carlos is not SRC): persons, and names written the way
    // lists write persons (SURNAME, Given names), are left out; a comma before a legal form (VTB REAL ESTATE, LLC) is not
    // such a name.
    private static bool MayHaveAcronyms(EntityType type, string name)
    {
        if (type == EntityType.Person)
        {
            return false;
        }

        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return true;
        }

        var after = name[(comma + 1)..];
        return NameNormalizer.Tokenize(after).Length == 0 || LegalForms.IsLegalForm(after);
    }

    // Unmatched short words of one side read as abbreviations of runs of unmatched words of the other. Words set
    // aside as legal forms take part (RNKB is ROSSIISKII NATSIONALNYI KOMMERCHESKII BANK, whose last two words are a
    // legal form) but weigh nothing.
    private static void MatchAcronyms(
        ReadOnlySpan<TokenKey> shortSide, ReadOnlySpan<float> shortWeights, Span<bool> shortUsed, WordSequence? shortWords,
        ReadOnlySpan<TokenKey> longSide, ReadOnlySpan<float> longWeights, Span<bool> longUsed, WordSequence? longWords,
        ref double matchedShort, ref double matchedLong)
    {
        if (!AnyCandidate(shortSide, shortUsed, shortWords))
        {
            return;
        }

        if (shortWords is null && longWords is null)
        {
            // No word set aside on either side (most names of persons): read in place, allocating nothing.
            for (var i = 0; i < shortSide.Length; i++)
            {
                var word = shortSide[i].Skeleton;
                if (shortUsed[i] || (shortSide[i].Concept > 0 && !NameConcepts.IsAbbreviation(shortSide[i].Concept)) || !Acronyms.MayAbbreviate(word) || !Acronyms.TryFindRun(word, longSide, longUsed, out var start, out var end, out var initials))
                {
                    continue;
                }

                var credit = initials ? AcronymCreditFor(word.Length) : SyllableCredit;
                shortUsed[i] = true;
                matchedShort += credit * shortWeights[i];
                var read = 0.0;
                for (var j = start; j < end; j++)
                {
                    longUsed[j] = true;
                    read += longWeights[j];
                }

                matchedLong += credit * AsRareAsTheAbbreviation(read, shortWeights[i], end - start);
            }

            return;
        }

        var shortView = WordSequence.View(shortSide, shortUsed, shortWords, out var shortTaken);
        var longView = WordSequence.View(longSide, longUsed, longWords, out var longTaken);
        foreach (var (i, start, end, credit) in ReadAbbreviations(shortView, shortTaken, longView, longTaken))
        {
            if (shortView.Kept[i] >= 0)
            {
                shortUsed[shortView.Kept[i]] = true;
                matchedShort += credit * shortWeights[shortView.Kept[i]];
            }

            var read = 0.0;
            var words = 0;
            for (var j = start; j < end; j++)
            {
                if (longView.Kept[j] >= 0)
                {
                    longUsed[longView.Kept[j]] = true;
                    read += longWeights[longView.Kept[j]];
                    words++;
                }
            }

            // A kind of body read against kept words (OKB / OPEN DESIGN BUREAU) weighs nothing itself: nothing to bound by.
            matchedLong += credit * (shortView.Kept[i] >= 0 ? AsRareAsTheAbbreviation(read, shortWeights[shortView.Kept[i]], words) : read);
        }

        static bool AnyCandidate(ReadOnlySpan<TokenKey> side, ReadOnlySpan<bool> used, WordSequence? words)
        {
            for (var i = 0; i < side.Length; i++)
            {
                if (!used[i] && Acronyms.MayAbbreviate(side[i].Skeleton))
                {
                    return true;
                }
            }

            if (words is not null)
            {
                for (var j = 0; j < words.Words.Length; j++)
                {
                    if (words.Kept[j] < 0 && Acronyms.MayAbbreviate(words.Words[j].Skeleton))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    // What the words an abbreviation reads may weigh: no more than as many words as rare as the abbreviation itself.
    // A common short word (PVT, in hundreds of names) read as the initials of rare ones (PRIBOROSTROENIYA IMENI V.V.
    // TIKHOMIROVA) is weak evidence that they are there; a rare one (NIIP) bounds nothing.
    private static double AsRareAsTheAbbreviation(double read, double abbreviationWeight, int words) =>
        Math.Min(read, abbreviationWeight * words);

    // Each untaken word of one side that abbreviates a run of untaken words of the other, with the run and the credit;
    // marks both taken.
    private static List<(int Word, int Start, int End, double Credit)> ReadAbbreviations(WordSequence shortView, bool[] shortTaken, WordSequence longView, bool[] longTaken)
    {
        // A legal form that is itself an abbreviation (AO, LLC) gives no letter to another: taken from the start.
        var found = new List<(int, int, int, double)>();
        for (var k = 0; k < longTaken.Length; k++)
        {
            longTaken[k] |= longView.Kept[k] < 0 && LegalForms.IsAbbreviatedForm(longView.Words[k].Skeleton);
        }

        for (var i = 0; i < shortView.Words.Length; i++)
        {
            var word = shortView.Words[i].Skeleton;
            // A word of the vocabulary (RED, SHIP, CITY) is a word, not an abbreviation, unless all its words are (RAN).
            if (shortTaken[i] || (shortView.Words[i].Concept > 0 && !NameConcepts.IsAbbreviation(shortView.Words[i].Concept)) || !Acronyms.MayAbbreviate(word) ||
                !Acronyms.TryFindRun(word, longView.Words, longTaken, out var start, out var end, out var initials))
            {
                continue;
            }

            // A legal form abbreviating legal forms (OAO / OTKRYTOE AKTSIONERNOE OBSHCHESTVO) weighs nothing either way.
            // One that reads kept words does so by their initials: the kind written another way (OKB / OPEN DESIGN
            // BUREAU) or a form misspelt (PAO / PUBLICHNOE AKTCIONERNOE OBSHCHESTVO), never by syllables (PJSC is not
            // PPF JSC, SBERBANK's pension fund).
            if (shortView.Kept[i] < 0 && (!initials || longView.Kept.AsSpan(start, end - start).IndexOfAnyExcept(-1) < 0))
            {
                continue;
            }

            // Three letters abbreviate many things; every further letter makes a chance reading less likely. Syllables
            // (KAMKABEL) can be read into more runs of words than initials can, so they count less.
            shortTaken[i] = true;
            longTaken.AsSpan(start, end - start).Fill(true);
            found.Add((i, start, end, initials ? AcronymCreditFor(word.Length) : SyllableCredit));
        }

        return found;
    }

    /// <summary>Credit for an abbreviation against the words it abbreviates, at most (five letters or more).</summary>
    internal const double AcronymCredit = 0.85;

    /// <summary>Credit for a word made of the first syllables of the other side's words.</summary>
    internal const double SyllableCredit = 0.7;

    internal static double AcronymCreditFor(int letters) => Math.Min(AcronymCredit, 0.35 + (0.1 * letters));

    /// <summary>Credit for the same word in another case or gender.</summary>
    internal const double InflectionCredit = 0.9;

    /// <summary>Credit for a translation: the words agree in meaning, not in spelling.</summary>
    internal const double TranslationCredit = 0.85;

    internal static double Similarity(in TokenKey a, in TokenKey b)
    {
        if (string.Equals(a.Skeleton, b.Skeleton, StringComparison.Ordinal))
        {
            return 1;
        }

        // Two words of the vocabulary with different meanings are not misspellings of each other (MEASURING / MASHIN).
        var spelling = a.Concept > 0 && b.Concept > 0 && a.Concept != b.Concept ? 0 : TokenSimilarity(a.Skeleton, b.Skeleton);
        if (a.Stem >= 0 && a.Stem == b.Stem)
        {
            spelling = Math.Max(spelling, InflectionCredit);
        }

        if (a.Concept > 0 && a.Concept == b.Concept)
        {
            spelling = Math.Max(spelling, TranslationCredit);
        }

        return spelling;
    }

    internal static double TokenSimilarity(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        // Short words (Ali, Yana, Ivan) differ by one letter from many others: only equal skeletons count.
        if (a.Length < 5 || b.Length < 5)
        {
            return 0;
        }

        var jw = StringSimilarity.JaroWinkler(a, b);
        return jw >= TokenThreshold && !DifferentBeginnings(a, b) ? FuzzyCredit(jw) : 0;
    }

    // Two compound words ending alike and beginning with other letters name two things (YUGANSKNEFTEGAZ / NYAGANNEFTEGAZ,
    // ROSTFINANCE / EVROFINANCE): a misspelling changes a letter or two, not the whole first half of the word.
    private static bool DifferentBeginnings(string a, string b)
    {
        var common = 0;
        while (common < a.Length && common < b.Length && a[^(common + 1)] == b[^(common + 1)])
        {
            common++;
        }

        // Patronymics end alike too, and differ in the middle (VLADILENOVICH / VLADENILOVICH), not from the start.
        // A word ending in the whole other word (GUNPOWDER / POWDER) is a kind of it, and keeps its near-spelling credit.
        return common >= MinimumSharedEnding && common < Math.Min(a.Length, b.Length) && a[0] != b[0] && StringSimilarity.Levenshtein(a.AsSpan(0, a.Length - common), b.AsSpan(0, b.Length - common)) >= 3;
    }

    private const int MinimumSharedEnding = 4;

    // The key under which names holding a compound of a concept are found; no abbreviation contains the separator.
    private static string CompoundKey(int concept) => "=" + concept.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // A near spelling counts less the further it is: Jaro-Winkler 0.97 (one typing error in a long word) keeps 0.91,
    // 0.85 (BAZALT / BAZZAL, two different names) keeps 0.61, so an exact rare word outweighs a near one.
    internal static double FuzzyCredit(double jw) => jw * jw * jw;


    // The reading of a match, made the way the score was: equal words and other cases of a word, then abbreviations,
    // then the closest of the rest.
    private MatchExplanation Explain(AnalyzedName query, bool queryAcronyms, Compound[]? queryCompounds, int nameId)
    {
        var name = NameNormalizer.Analyze(_names[nameId]);
        var q = query.Tokens;
        var n = name.Tokens;
        var qk = q.Select(t => KeyOf(t.Skeleton)).ToArray();
        var nk = n.Select(t => KeyOf(t.Skeleton)).ToArray();
        var usedQ = new bool[q.Count];
        var usedN = new bool[n.Count];
        var matches = new List<(int Order, TokenMatch Match)>();
        Pair(InflectionCredit);
        if (queryAcronyms && _nameAcronyms[nameId])
        {
            foreach (var (at, j) in ReadCompounds(queryCompounds, usedQ, nk, usedN))
            {
                matches.Add((at, new TokenMatch(q[at].Surface + " " + q[at + 1].Surface, n[j].Surface, TokenMatchKind.Translation, TranslationCredit)));
            }

            foreach (var (at, i) in ReadCompounds(_compounds.GetValueOrDefault(nameId), usedN, qk, usedQ))
            {
                matches.Add((i, new TokenMatch(q[i].Surface, n[at].Surface + " " + n[at + 1].Surface, TokenMatchKind.Translation, TranslationCredit)));
            }
        }

        // Words set aside as legal forms that an abbreviation stands for are reported with it, not as dropped.
        var queryAbbreviated = new HashSet<int>();
        var nameAbbreviated = new HashSet<int>();
        if (queryAcronyms && _nameAcronyms[nameId])
        {
            // As the score reads them: the query's words as abbreviations of the name's, then the other way round.
            var queryWords = WordSequence.Of(query);
            var nameWords = WordSequence.Of(name);
            var querySurface = queryWords is null ? q.Select(t => t.Surface).ToArray() : query.Sequence.Select(t => t.Surface).ToArray();
            var nameSurface = nameWords is null ? n.Select(t => t.Surface).ToArray() : name.Sequence.Select(t => t.Surface).ToArray();
            var queryView = WordSequence.View(qk, usedQ, queryWords, out var queryTaken);
            var nameView = WordSequence.View(nk, usedN, nameWords, out var nameTaken);
            foreach (var (i, start, end, credit) in ReadAbbreviations(queryView, queryTaken, nameView, nameTaken))
            {
                Take(queryView, usedQ, i, i + 1, queryAbbreviated);
                Take(nameView, usedN, start, end, nameAbbreviated);
                matches.Add((Order(queryView, i), new TokenMatch(querySurface[i], string.Join(' ', nameSurface[start..end]), TokenMatchKind.Acronym, credit)));
            }

            foreach (var (j, start, end, credit) in ReadAbbreviations(nameView, nameTaken, queryView, queryTaken))
            {
                Take(nameView, usedN, j, j + 1, nameAbbreviated);
                Take(queryView, usedQ, start, end, queryAbbreviated);
                matches.Add((Order(queryView, start), new TokenMatch(string.Join(' ', querySurface[start..end]), nameSurface[j], TokenMatchKind.Acronym, credit)));
            }
        }

        Pair(0.0);
        matches.Sort((a, b) => a.Order.CompareTo(b.Order));
        var unmatchedQuery = q.Where((_, i) => !usedQ[i]).Select(t => t.Surface).ToList();
        var unmatchedName = n.Where((_, j) => !usedN[j]).Select(t => t.Surface).ToList();
        // A form on both sides (JSC … JSC) is named once.
        var dropped = SetAside(query, queryAbbreviated).Concat(SetAside(name, nameAbbreviated)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new MatchExplanation(matches.Select(m => m.Match).ToList(), unmatchedQuery, unmatchedName, dropped);

        static IEnumerable<string> SetAside(AnalyzedName analysed, HashSet<int> abbreviated) => analysed.SetAside is null ? []
            : analysed.Sequence.Where((_, k) => analysed.SetAside[k] && !abbreviated.Contains(k)).Select(t => t.Surface);

        static void Take(WordSequence view, bool[] used, int from, int to, HashSet<int> setAside)
        {
            for (var k = from; k < to; k++)
            {
                if (view.Kept[k] >= 0)
                {
                    used[view.Kept[k]] = true;
                }
                else
                {
                    setAside.Add(k);
                }
            }
        }

        // Where a pair sorts among the query's words: the matched word it is or follows.
        static int Order(WordSequence view, int at)
        {
            var kept = -1;
            for (var k = 0; k <= at && k < view.Kept.Length; k++)
            {
                kept = Math.Max(kept, view.Kept[k]);
            }

            return Math.Max(0, kept);
        }

        void Pair(double floor)
        {
            while (true)
            {
                var best = (Q: -1, N: -1, S: 0.0);
                for (var i = 0; i < q.Count; i++)
                {
                    for (var j = 0; j < n.Count; j++)
                    {
                        if (usedQ[i] || usedN[j])
                        {
                            continue;
                        }

                        var similarity = Similarity(qk[i], nk[j]);
                        if (similarity > best.S && similarity >= floor)
                        {
                            best = (i, j, similarity);
                        }
                    }
                }

                if (best.Q < 0)
                {
                    return;
                }

                usedQ[best.Q] = true;
                usedN[best.N] = true;
                matches.Add((best.Q, new TokenMatch(q[best.Q].Surface, n[best.N].Surface, KindOf(q[best.Q], n[best.N], qk[best.Q], nk[best.N]), Math.Round(best.S, 4))));
            }
        }
    }

    private static TokenMatchKind KindOf(NameToken query, NameToken name, in TokenKey queryKey, in TokenKey nameKey)
    {
        if (query.Skeleton != name.Skeleton)
        {
            var spelling = TokenSimilarity(query.Skeleton, name.Skeleton);
            var sameStem = queryKey.Stem >= 0 && queryKey.Stem == nameKey.Stem && spelling <= InflectionCredit;
            // Equal stems once C and H are read as K are two spellings of one word (SOVCOMCARD / SOVKOMKARD), not two forms.
            return sameStem && NameNormalizer.Stem(query.Skeleton) != NameNormalizer.Stem(name.Skeleton) ? TokenMatchKind.Transliteration
                : sameStem ? TokenMatchKind.Inflection
                : queryKey.Concept > 0 && queryKey.Concept == nameKey.Concept && spelling <= TranslationCredit ? TokenMatchKind.Translation
                : TokenMatchKind.Typo;
        }

        if (((query.Traits | name.Traits) & TokenTraits.Homoglyph) != 0)
        {
            return TokenMatchKind.Homoglyph;
        }

        var sameScript = (query.Traits & TokenTraits.Cyrillic) == (name.Traits & TokenTraits.Cyrillic);
        return sameScript && query.Folded == name.Folded ? TokenMatchKind.Exact : TokenMatchKind.Transliteration;
    }

    private static bool FirstOccurrence(int[] tokens, int start, int at)
    {
        for (var t = start; t < at; t++)
        {
            if (tokens[t] == tokens[at])
            {
                return false;
            }
        }

        return true;
    }

    // FNV-1a over the word with one position left out (skip = -1 keeps the whole word); length-tagged so a deletion
    // of one word never equals another word of the same hash by accident of length.
    private static ulong Hash(string word, int skip)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < word.Length; i++)
        {
            if (i == skip)
            {
                continue;
            }

            hash ^= word[i];
            hash *= 1099511628211UL;
        }

        return hash;
    }

    private sealed class Scratch(int nameCount)
    {
        private readonly float[] _score = new float[nameCount];
        private readonly List<int> _touched = new(1024);

        public HashSet<int> VocabSeen { get; } = [];

        public Dictionary<int, int> TrigramCounts { get; } = [];

        public List<TokenKey> NameKeys { get; } = new(8);

        public List<float> NameWeights { get; } = new(8);

        private readonly List<int> _guaranteed = [];

        // Names holding the query's rarest word are always compared: what else they share with the query may be
        // a translation or an abbreviation the gathered evidence cannot show (SHIP REPAIR CENTER ZVEZDOCHKA / CENTER
        // SUDOREMONTA ZVEZDOCHKA), and names holding several of the query's words can otherwise crowd them out.
        public void Guarantee(ReadOnlySpan<int> names) => _guaranteed.AddRange(names);

        public void Add(int name, float gain)
        {
            if (_score[name] == 0)
            {
                _touched.Add(name);
            }

            _score[name] += gain;
        }

        public int[] TopCandidates(int count)
        {
            if (_touched.Count <= count)
            {
                return [.. _touched];
            }

            // Partial selection: keep the best `count` by accumulated evidence in a small min-heap; names with under a
            // quarter of the best evidence cannot reach the top and are not considered.
            var max = 0f;
            foreach (var name in _touched)
            {
                max = Math.Max(max, _score[name]);
            }

            var floor = max / 4;
            var heap = new PriorityQueue<int, float>(count + 1);
            foreach (var name in _touched)
            {
                var score = _score[name];
                if (score < floor)
                {
                    continue;
                }

                if (heap.Count < count)
                {
                    heap.Enqueue(name, score);
                }
                else if (heap.TryPeek(out _, out var lowest) && score > lowest)
                {
                    heap.DequeueEnqueue(name, score);
                }
            }

            var result = new List<int>(heap.Count + _guaranteed.Count);
            while (heap.TryDequeue(out var name, out _))
            {
                result.Add(name);
            }

            foreach (var name in _guaranteed)
            {
                if (!result.Contains(name))
                {
                    result.Add(name);
                }
            }

            return [.. result];
        }

        public void Reset()
        {
            foreach (var name in _touched)
            {
                _score[name] = 0;
            }

            _touched.Clear();
            _guaranteed.Clear();
        }
    }
}

/// <summary>A vocabulary word as the scorer compares it: its skeleton, its stem's id in the index (-1: a stem the index
/// does not hold) and its concept (0: none).</summary>
internal readonly record struct TokenKey(string Skeleton, int Stem, int Concept);

/// <summary>Two adjacent words (from <see cref="At"/>) that the vocabulary knows written together, as <see cref="Joined"/>.</summary>
internal readonly record struct Compound(int At, int Concept, string Joined);

/// <summary>
/// A name's words in written order with those set aside as legal forms, for abbreviations: for each word, its index
/// among the words that are matched and weighed, or -1 when it was set aside.
/// </summary>
internal sealed record WordSequence(TokenKey[] Words, int[] Kept)
{
    /// <summary>The words of an analysed name, or null when none was set aside (the matched words are then all).</summary>
    public static WordSequence? Of(AnalyzedName name)
    {
        if (name.SetAside is null)
        {
            return null;
        }

        var words = new TokenKey[name.Sequence.Length];
        var kept = new int[words.Length];
        var k = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var skeleton = name.Sequence[i].Skeleton;
            words[i] = new TokenKey(skeleton, -1, NameConcepts.Of(NameNormalizer.Stem(skeleton)));
            kept[i] = name.SetAside[i] ? -1 : k++;
        }

        return new WordSequence(words, kept);
    }

    /// <summary>The words to read abbreviations in, with which are taken: the sequence, or the matched words alone.</summary>
    public static WordSequence View(ReadOnlySpan<TokenKey> matched, ReadOnlySpan<bool> used, WordSequence? sequence, out bool[] taken)
    {
        if (sequence is null)
        {
            taken = used.ToArray();
            var identity = new int[matched.Length];
            for (var i = 0; i < identity.Length; i++)
            {
                identity[i] = i;
            }

            return new WordSequence(matched.ToArray(), identity);
        }

        taken = new bool[sequence.Words.Length];
        for (var i = 0; i < taken.Length; i++)
        {
            taken[i] = sequence.Kept[i] >= 0 && used[sequence.Kept[i]];
        }

        return sequence;
    }
}
