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
    private const int MaxIntersection = 30_000;

    private readonly (string List, ListEntry Entry)[] _entries;
    private readonly string[] _names;
    private readonly int[] _nameEntry;
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
    private readonly int _selectiveLimit;
    private readonly float _maxWeight;
    private readonly ConcurrentBag<Scratch> _scratchPool = [];

    private ScreeningIndex(
        (string, ListEntry)[] entries, string[] names, int[] nameEntry, int[] nameTokenStart, int[] nameTokens, string[] nameConcat,
        string[] vocab, int[] df, Dictionary<string, int> vocabIds, int[] postingStart, int[] postings,
        ulong[] deletionKeys, int[] deletionVocab, Dictionary<string, int[]> concatNames)
    {
        _entries = entries;
        _names = names;
        _nameEntry = nameEntry;
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
        var n = Math.Max(1, names.Length);
        for (var v = 0; v < vocab.Length; v++)
        {
            _weight[v] = (float)(1 + Math.Log((double)n / Math.Max(1, df[v])));
        }

        _maxWeight = (float)(1 + Math.Log(n));
        _selectiveLimit = Math.Max(2_000, n / 500);
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
            seen.Clear();
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

            nameConcat[i] = analysed[i].Concatenated;
            if (analysed[i].Tokens.Count > 1)
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(concatNames, analysed[i].Concatenated, out var exists);
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
        var concat = new Dictionary<string, int[]>(concatNames.Count, StringComparer.Ordinal);
        foreach (var (key, list) in concatNames)
        {
            concat[key] = [.. list];
        }

        return new ScreeningIndex(
            [.. entries], nameArray, [.. nameEntry], nameTokenStart, tokenIds, nameConcat,
            vocabArray, dfArray, vocabIds, postingStart, postings, keys, keyVocab, concat);
    }

    /// <summary>Screens one name: the best-matching entities, best first, one row per entity.</summary>
    public IReadOnlyList<ScreeningMatch> Search(string query, ScreeningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= new ScreeningOptions();
        var analysed = NameNormalizer.Analyze(query);
        if (analysed.Tokens.Count == 0 || options.Top <= 0)
        {
            return [];
        }

        var scratch = _scratchPool.TryTake(out var pooled) ? pooled : new Scratch(_names.Length);
        var queryTokens = analysed.Tokens;
        var querySkeletons = new string[queryTokens.Count];
        var queryWeights = new float[queryTokens.Count];
        for (var i = 0; i < queryTokens.Count; i++)
        {
            querySkeletons[i] = queryTokens[i].Skeleton;
            queryWeights[i] = _vocabIds.TryGetValue(querySkeletons[i], out var id) ? _weight[id] : _maxWeight;
        }

        try
        {
            CollectCandidates(analysed, querySkeletons, scratch);
            var candidates = scratch.TopCandidates(CandidateCount);
            var best = new Dictionary<int, (int Name, double Score)>();
            foreach (var name in candidates)
            {
                var score = Score(querySkeletons, queryWeights, analysed.Concatenated, name, scratch);
                var entry = _nameEntry[name];
                // Among equal scores, the name closest in length to the query reads best (ROSOBORONEXPORT, not ROSOBORONEKSPORT OAO).
                if (score >= options.MinimumScore && (!best.TryGetValue(entry, out var current) || score > current.Score ||
                    (score == current.Score && Math.Abs(_names[name].Length - query.Length) < Math.Abs(_names[current.Name].Length - query.Length))))
                {
                    best[entry] = (name, score);
                }
            }

            var ranked = best.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Key).Take(options.Top);
            var results = new List<ScreeningMatch>(Math.Min(options.Top, best.Count));
            foreach (var (entryIndex, (name, score)) in ranked)
            {
                var (list, entry) = _entries[entryIndex];
                var rounded = Math.Round(score, 4);
                results.Add(new ScreeningMatch(list, entry.EntityId, entry.PrimaryName, _names[name], rounded, Explain(analysed, _names[name])));
            }

            return results;
        }
        finally
        {
            scratch.Reset();
            _scratchPool.Add(scratch);
        }
    }

    /// <summary>Similarity in [0, 1] of two names, by the same scoring as <see cref="Search"/> (weights of this index).</summary>
    public double Compare(string query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(name);
        var q = NameNormalizer.Analyze(query);
        var n = NameNormalizer.Analyze(name);
        var qs = q.Tokens.Select(t => t.Skeleton).ToArray();
        var ns = n.Tokens.Select(t => t.Skeleton).ToArray();
        return ScoreTokens(qs, qs.Select(WeightOf).ToArray(), q.Concatenated, ns, ns.Select(WeightOf).ToArray(), n.Concatenated);
    }

    private float WeightOf(string skeleton) => _vocabIds.TryGetValue(skeleton, out var id) ? _weight[id] : _maxWeight;

    private void CollectCandidates(AnalyzedName query, string[] skeletons, Scratch scratch)
    {
        // Which vocabulary tokens each query token may stand for, with similarity.
        var perToken = new List<(int Vocab, float Similarity)>[skeletons.Length];
        var anySelective = false;
        for (var i = 0; i < skeletons.Length; i++)
        {
            perToken[i] = SimilarVocabulary(skeletons[i], scratch);
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

        // The whole name written without spaces, or a one-word query against a spaced name.
        if (query.Tokens.Count > 0)
        {
            if (_concatNames.TryGetValue(query.Concatenated, out var spaced))
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

    private List<(int Vocab, float Similarity)> SimilarVocabulary(string skeleton, Scratch scratch)
    {
        var result = new List<(int, float)>();
        scratch.VocabSeen.Clear();
        if (_vocabIds.TryGetValue(skeleton, out var exact))
        {
            result.Add((exact, 1f));
            scratch.VocabSeen.Add(exact);
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

        return result;

        void Probe(ulong key)
        {
            var at = Array.BinarySearch(_deletionKeys, key);
            if (at < 0)
            {
                return;
            }

            while (at > 0 && _deletionKeys[at - 1] == key)
            {
                at--;
            }

            for (; at < _deletionKeys.Length && _deletionKeys[at] == key; at++)
            {
                var vocab = _deletionVocab[at];
                if (!scratch.VocabSeen.Add(vocab))
                {
                    continue;
                }

                var similarity = TokenSimilarity(skeleton, _vocab[vocab]);
                if (similarity >= TokenThreshold)
                {
                    result.Add((vocab, (float)similarity));
                }
            }
        }
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

    private double Score(string[] querySkeletons, float[] queryWeights, string queryConcat, int name, Scratch scratch)
    {
        var start = _nameTokenStart[name];
        var count = _nameTokenStart[name + 1] - start;
        scratch.NameSkeletons.Clear();
        scratch.NameWeights.Clear();
        for (var t = 0; t < count; t++)
        {
            var vocab = _nameTokens[start + t];
            scratch.NameSkeletons.Add(_vocab[vocab]);
            scratch.NameWeights.Add(_weight[vocab]);
        }

        return ScoreTokens(querySkeletons, queryWeights, queryConcat,
            CollectionsMarshal.AsSpan(scratch.NameSkeletons), CollectionsMarshal.AsSpan(scratch.NameWeights), _nameConcat[name]);
    }

    /// <summary>
    /// Token-assignment score: pairs are taken greedily by similarity, each pair counting its similarity times the
    /// weights of both tokens; unmatched tokens on either side count zero. Names written with and without spaces are
    /// compared on their joined skeletons.
    /// </summary>
    internal static double ScoreTokens(
        ReadOnlySpan<string> query, ReadOnlySpan<float> queryWeights, string queryConcat,
        ReadOnlySpan<string> name, ReadOnlySpan<float> nameWeights, string nameConcat)
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
                similarity[(i * name.Length) + j] = TokenSimilarity(query[i], name[j]);
            }
        }

        Span<bool> queryUsed = query.Length <= 64 ? stackalloc bool[query.Length] : new bool[query.Length];
        Span<bool> nameUsed = name.Length <= 64 ? stackalloc bool[name.Length] : new bool[name.Length];
        queryUsed.Clear();
        nameUsed.Clear();
        double matchedQuery = 0, matchedName = 0;
        var pairs = Math.Min(query.Length, name.Length);
        for (var p = 0; p < pairs; p++)
        {
            var bestAt = -1;
            var bestValue = 0.0;
            for (var x = 0; x < pairCount; x++)
            {
                if (similarity[x] > bestValue && !queryUsed[x / name.Length] && !nameUsed[x % name.Length])
                {
                    bestValue = similarity[x];
                    bestAt = x;
                }
            }

            if (bestAt < 0)
            {
                break;
            }

            var qi = bestAt / name.Length;
            var nj = bestAt % name.Length;
            queryUsed[qi] = true;
            nameUsed[nj] = true;
            matchedQuery += bestValue * queryWeights[qi];
            matchedName += bestValue * nameWeights[nj];
        }

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
            var joined = queryConcat == nameConcat ? 1.0 : StringSimilarity.JaroWinkler(queryConcat, nameConcat);
            if (joined >= 0.9)
            {
                score = Math.Max(score, joined * 0.97);
            }
        }

        return Math.Clamp(score, 0, 1);
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
        return jw >= TokenThreshold ? jw : 0;
    }

    private static MatchExplanation Explain(AnalyzedName query, string matchedName)
    {
        var name = NameNormalizer.Analyze(matchedName);
        var q = query.Tokens;
        var n = name.Tokens;
        var usedQ = new bool[q.Count];
        var usedN = new bool[n.Count];
        var pairs = new List<(int Q, int N, double S)>();
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

                    var s = TokenSimilarity(q[i].Skeleton, n[j].Skeleton);
                    if (s > best.S)
                    {
                        best = (i, j, s);
                    }
                }
            }

            if (best.Q < 0)
            {
                break;
            }

            usedQ[best.Q] = true;
            usedN[best.N] = true;
            pairs.Add(best);
        }

        pairs.Sort((a, b) => a.Q.CompareTo(b.Q));
        var matches = pairs.Select(p => new TokenMatch(q[p.Q].Surface, n[p.N].Surface, KindOf(q[p.Q], n[p.N]), Math.Round(p.S, 4))).ToList();
        var unmatchedQuery = q.Where((_, i) => !usedQ[i]).Select(t => t.Surface).ToList();
        var unmatchedName = n.Where((_, j) => !usedN[j]).Select(t => t.Surface).ToList();
        var dropped = query.Dropped.Concat(name.Dropped).Select(t => t.Surface).ToList();
        return new MatchExplanation(matches, unmatchedQuery, unmatchedName, dropped);
    }

    private static TokenMatchKind KindOf(NameToken query, NameToken name)
    {
        if (query.Skeleton != name.Skeleton)
        {
            return TokenMatchKind.Typo;
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

        public List<string> NameSkeletons { get; } = new(8);

        public List<float> NameWeights { get; } = new(8);

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

            var result = new int[heap.Count];
            var i = 0;
            while (heap.TryDequeue(out var name, out _))
            {
                result[i++] = name;
            }

            return result;
        }

        public void Reset()
        {
            foreach (var name in _touched)
            {
                _score[name] = 0;
            }

            _touched.Clear();
        }
    }
}
