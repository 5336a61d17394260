using System.Collections.Frozen;

namespace Entente.Core.Screening;

/// <summary>
/// Abbreviations made of the initials of consecutive words: RNKB for ROSSIISKII NATSIONALNYI KOMMERCHESKII BANK,
/// TSNIIKHM for TSENTRALNYI NAUCHNO-ISSLEDOVATELSKII INSTITUT KHIMII I MEKHANIKI, UBRD for URAL BANK FOR
/// RECONSTRUCTION AND DEVELOPMENT. Russian organisations are listed under both forms, often with nothing else in
/// common. Initials are taken from skeletons, so that a word beginning with Ц, Х, Ч, Ш or Ж gives the letter the
/// abbreviation uses in every scheme (TS → c: ЦНИИ, TSNII and CNII agree). Conjunctions and prepositions may or may
/// not give a letter (UBRD, UBRIR), so both readings are made.
/// </summary>
internal static class Acronyms
{
    /// <summary>The longest run of words read as one abbreviation.</summary>
    internal const int MaxWords = 8;

    /// <summary>Abbreviations are three to eight letters long (in skeleton form); two letters say too little.</summary>
    internal const int MinLetters = 3;

    internal const int MaxLetters = 8;

    private static readonly FrozenSet<string> FunctionWords = new[] { "i", "и", "and", "of", "the", "for", "po", "по", "na", "на", "v", "в", "im", "им", "imeni", "имени", "named", "after", "de", "la" }
        .Select(w => NameNormalizer.NormalizeToken(w).Skeleton).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether a word (skeleton) may abbreviate a run of words: letters only, three to <paramref name="maxLetters"/>
    /// of them (sixteen by default, for syllable words such as GOSNIIMASH; initialisms are eight at most).
    /// </summary>
    internal static bool MayAbbreviate(string skeleton, int maxLetters = 16)
    {
        if (skeleton.Length < MinLetters || skeleton.Length > maxLetters)
        {
            return false;
        }

        foreach (var c in skeleton)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a word (skeleton) is a conjunction or preposition that an abbreviation may skip.</summary>
    internal static bool IsFunctionWord(string skeleton) => FunctionWords.Contains(skeleton);

    /// <summary>
    /// The abbreviations of runs of words that take, for some words of the bilingual vocabulary, the first letter of
    /// their translation (VOLOGDA OPTICAL MECHANICAL PLANT: VOMZ, Z for ZAVOD); at most <paramref name="limit"/> in all.
    /// Function words give no letter.
    /// </summary>
    internal static void ForEachTranslatedRun(IReadOnlyList<TokenKey> words, int limit, Action<string> found)
    {
        var letters = new char[MaxWords];
        var made = 0;
        for (var start = 0; start < words.Count && made < limit; start++)
        {
            if (!IsFunctionWord(words[start].Skeleton) && char.IsAsciiLetter(words[start].Skeleton[0]))
            {
                Extend(start, 0, false);
            }
        }

        void Extend(int at, int count, bool translated)
        {
            if (count >= 2 && translated && made < limit)
            {
                var acronym = NameNormalizer.Skeleton(new string(letters, 0, count));
                if (acronym.Length is >= MinLetters and <= MaxLetters)
                {
                    made++;
                    found(acronym);
                }
            }

            if (at >= words.Count || count >= MaxWords || made >= limit || !char.IsAsciiLetter(words[at].Skeleton[0]))
            {
                return;
            }

            var word = words[at];
            if (IsFunctionWord(word.Skeleton))
            {
                Extend(at + 1, count, translated);
                return;
            }

            letters[count] = word.Skeleton[0];
            Extend(at + 1, count + 1, translated);
            foreach (var letter in NameConcepts.InitialsOf(word.Concept))
            {
                if (letter != word.Skeleton[0])
                {
                    letters[count] = letter;
                    Extend(at + 1, count + 1, true);
                }
            }

            // Last, so that the budget goes first to the readings word by word: a compound of the vocabulary
            // written as two words gives one letter of its translation (KINGISEPP MACHINE BUILDING PLANT: KMZ, M of
            // MASHINOSTROITELNYI).
            if (CompoundConcept(words, at) is > 0 and var compound)
            {
                foreach (var letter in NameConcepts.InitialsOf(compound))
                {
                    letters[count] = letter;
                    Extend(at + 2, count + 1, true);
                }
            }
        }
    }

    /// <summary>
    /// Every abbreviation of every run of at least two words (with and without the initials of function words),
    /// passed to <paramref name="found"/> with the run's bounds. Runs stop at numbers. A compound word gives its
    /// initial, or the initials of its two parts (ELEKTROMEKHANICHESKII: E or EM).
    /// </summary>
    internal static void ForEachRun(IReadOnlyList<string> skeletons, Action<int, int, string> found)
    {
        // Each reading of the run so far: the letters without and with the function words' initials.
        var readings = new List<(string Skipping, string Keeping)>(MaxReadings);
        var next = new List<(string Skipping, string Keeping)>(MaxReadings);
        for (var start = 0; start < skeletons.Count; start++)
        {
            if (IsFunctionWord(skeletons[start]) || !char.IsAsciiLetter(skeletons[start][0]))
            {
                continue;
            }

            readings.Clear();
            readings.Add((string.Empty, string.Empty));
            var words = 0;
            for (var end = start; end < skeletons.Count && end - start < MaxWords; end++)
            {
                var word = skeletons[end];
                if (!char.IsAsciiLetter(word[0]))
                {
                    break;
                }

                if (IsFunctionWord(word))
                {
                    for (var r = 0; r < readings.Count; r++)
                    {
                        readings[r] = (readings[r].Skipping, readings[r].Keeping + word[0]);
                    }

                    continue;
                }

                next.Clear();
                var head = CombiningFormLength(word);
                foreach (var (skipping, keeping) in readings)
                {
                    next.Add((skipping + word[0], keeping + word[0]));
                    if (head > 0 && word.Length - head >= MinLetters && next.Count < MaxReadings)
                    {
                        var both = string.Concat(word.AsSpan(0, 1), word.AsSpan(head, 1));
                        next.Add((skipping + both, keeping + both));
                    }
                }

                (readings, next) = (next, readings);
                words++;
                if (words < 2)
                {
                    continue;
                }

                foreach (var (skipping, keeping) in readings)
                {
                    var skipped = NameNormalizer.Skeleton(skipping);
                    if (skipped.Length is >= MinLetters and <= MaxLetters)
                    {
                        found(start, end + 1, skipped);
                    }

                    if (keeping.Length != skipping.Length)
                    {
                        var kept = NameNormalizer.Skeleton(keeping);
                        if (kept != skipped && kept.Length is >= MinLetters and <= MaxLetters)
                        {
                            found(start, end + 1, kept);
                        }
                    }
                }
            }
        }
    }

    // Readings of one run at most: each compound word doubles them.
    private const int MaxReadings = 4;

    /// <summary>
    /// Finds a run of at least two unused words on one side that <paramref name="target"/> (a skeleton) abbreviates:
    /// the target is the words' beginnings written together, one letter each (NIIP) or more (KAMKABEL = KAMSKII KABEL,
    /// GOSNIIMASH = GOSUDARSTVENNYI NAUCHNO ISSLEDOVATELSKII INSTITUT MASHINOSTROENIYA). Conjunctions may give nothing.
    /// Returns the run's bounds and whether every word gave a single letter (an initialism), or false.
    /// </summary>
    internal static bool TryFindRun(string target, ReadOnlySpan<TokenKey> side, ReadOnlySpan<bool> used, out int start, out int end, out bool initials)
    {
        for (start = 0; start < side.Length; start++)
        {
            var first = side[start].Skeleton;
            if (used[start] || IsFunctionWord(first) ||
                (first[0] != target[0] && !NameConcepts.InitialsOf(side[start].Concept).Contains(target[0], StringComparison.Ordinal)))
            {
                continue;
            }

            var limit = start;
            while (limit < side.Length && limit - start < MaxWords && !used[limit] && char.IsAsciiLetter(side[limit].Skeleton[0]))
            {
                limit++;
            }

            if (limit - start >= 2 && Match(target, 0, '\0', side, start, start, limit, true, out end, out initials))
            {
                return true;
            }
        }

        start = end = -1;
        initials = false;
        return false;
    }

    // The concept of the compound that a word and the next write together (MACHINE BUILDING), or 0.
    private static int CompoundConcept(IReadOnlyList<TokenKey> words, int at) =>
        at + 1 < words.Count ? NameConcepts.OfCompound(words[at].Skeleton, words[at + 1].Skeleton) : 0;

    private static int CompoundConcept(ReadOnlySpan<TokenKey> words, int at) =>
        at + 1 < words.Length ? NameConcepts.OfCompound(words[at].Skeleton, words[at + 1].Skeleton) : 0;

    // The first parts of Russian compound words, as skeletons (RADIO is rado there: the skeleton drops the I of IO).
    private static readonly string[] CombiningForms =
    [.. new[]
    {
        "elektro", "electro", "radio", "avia", "aero", "avto", "auto", "gidro", "hydro", "energo", "nefte", "neft", "gazo",
        "teplo", "termo", "foto", "metallo", "mekhano", "mechano", "mashino", "priboro", "stanko", "sudo", "spets", "geo",
        "mikro", "micro", "tekhno", "techno", "agro", "khimiko", "opto", "brone", "gorno",
    }.Select(NameNormalizer.Skeleton).Distinct(StringComparer.Ordinal)];

    // The length of the combining form a word begins with (the longest), or 0.
    private static int CombiningFormLength(string skeleton)
    {
        var best = 0;
        foreach (var form in CombiningForms)
        {
            if (form.Length > best && skeleton.StartsWith(form, StringComparison.Ordinal))
            {
                best = form.Length;
            }
        }

        return best;
    }

    // Whether target[at..] is spelled by beginnings of side[word..] (at least up to two words from `from`), each word
    // giving a prefix. A letter equal to the one before it may be absorbed (skeletons write doubled letters once).
    private static bool Match(string target, int at, char previous, ReadOnlySpan<TokenKey> side, int from, int word, int limit, bool single, out int end, out bool initials)
    {
        end = word;
        initials = single;
        if (at == target.Length)
        {
            return word - from >= 2;
        }

        if (word == limit)
        {
            return false;
        }

        var text = side[word].Skeleton;
        if (IsFunctionWord(text) && word > from && Match(target, at, previous, side, from, word + 1, limit, single, out end, out initials))
        {
            return true;
        }

        // A word of the bilingual vocabulary may give the first letter of its translation (PLANT: Z for ZAVOD).
        if (side[word].Concept > 0)
        {
            foreach (var letter in NameConcepts.InitialsOf(side[word].Concept))
            {
                if (letter != text[0] && target[at] == letter && Match(target, at + 1, letter, side, from, word + 1, limit, single, out end, out initials))
                {
                    return true;
                }
            }
        }

        // Two words that write a compound of the vocabulary give one letter of it (MACHINE BUILDING: M in KMZ).
        if (CompoundConcept(side[..limit], word) is > 0 and var compound)
        {
            foreach (var letter in NameConcepts.InitialsOf(compound))
            {
                if (target[at] == letter && Match(target, at + 1, letter, side, from, word + 2, limit, single, out end, out initials))
                {
                    return true;
                }
            }
        }

        // ... or a syllable of its translation or of another form of it (FACTORY: ZAVOD in KURGANMASHZAVOD), two letters
        // or more; its own beginnings are tried below.
        if (side[word].Concept > 0)
        {
            foreach (var spelling in NameConcepts.SpellingsOf(side[word].Concept))
            {
                if (string.Equals(spelling, text, StringComparison.Ordinal))
                {
                    continue;
                }

                for (var l = 0; l < spelling.Length && at + l < target.Length && target[at + l] == spelling[l]; l++)
                {
                    if (l >= 1 && Match(target, at + l + 1, spelling[l], side, from, word + 1, limit, false, out end, out initials))
                    {
                        return true;
                    }
                }
            }
        }

        // A compound word gives a beginning of each of its parts: ELEKTROMEKHANICHESKII is E and M in IEMZ (IZHEVSKII
        // ELEKTROMEKHANICHESKII ZAVOD), RADIOTEKHNICHESKII R and T in KNIRTI. Russian abbreviations are made so.
        if (CombiningFormLength(text) is > 0 and var head && text.Length - head >= MinLetters)
        {
            for (var l = 1; l <= head && at + l <= target.Length && target[at + l - 1] == text[l - 1]; l++)
            {
                for (var m = 1; head + m <= text.Length && at + l + m <= target.Length && target[at + l + m - 1] == text[head + m - 1]; m++)
                {
                    if (Match(target, at + l + m, text[head + m - 1], side, from, word + 1, limit, false, out end, out initials))
                    {
                        return true;
                    }
                }
            }
        }

        var i = at;
        var last = previous;
        for (var length = 0; length < text.Length; length++)
        {
            var c = text[length];
            if (i < target.Length && target[i] == c)
            {
                i++;
            }
            else if (c != last)
            {
                return false;
            }

            last = c;
            if (Match(target, i, last, side, from, word + 1, limit, single && length == 0, out end, out initials))
            {
                return true;
            }
        }

        return false;
    }
}
