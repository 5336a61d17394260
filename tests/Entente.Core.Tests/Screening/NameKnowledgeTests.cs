using Entente.Core.Screening;

namespace Entente.Core.Tests.Screening;

/// <summary>What the matcher knows of Russian organisation names beyond spelling: inflections, translations, abbreviations.</summary>
public sealed class NameKnowledgeTests
{
    private static readonly ScreeningIndex Index = ScreeningIndex.Build(
    [
        new SanctionsList("ofac",
        [
            new ListEntry("1", EntityType.Organisation, "AO ADMIRALTEISKIE VERFI", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, "OTKRYTOE AKTSIONERNOE OBSHCHESTVO NAUCHNO ISSLEDOVATELSKII INSTITUT PRIBOROSTROENIYA", [], "Russia"),
            new ListEntry("3", EntityType.Organisation, "KAMSKIY KABEL LLC", [], "Russia"),
            new ListEntry("4", EntityType.Organisation, "AO SIBANTRATSIT", [], "Russia"),
            new ListEntry("5", EntityType.Organisation, "OOO SOVCOMCARD", [], "Russia"),
            new ListEntry("6", EntityType.Organisation, "KAZANSKII VERTOLETNYI ZAVOD", [], "Russia"),
            new ListEntry("7", EntityType.Organisation, "FGUP TSNIIKHM", [], "Russia"),
            new ListEntry("8", EntityType.Unknown, "SOLIS, Rene Carlos", [], null),
            new ListEntry("9", EntityType.Person, "MORTON, Ivan Ivanovich", [], null),
            new ListEntry("10", EntityType.Organisation, "SHIP REPAIR CENTER", [], null),
            new ListEntry("11", EntityType.Organisation, "ROSSISKI NATSIONALNY KOMMERCHESKI BANK OTKRYTOE AKTSIONERNOE OBSHCHESTVO", [], "Russia"),
            new ListEntry("12", EntityType.Organisation, "JOINT STOCK COMPANY SCIENTIFIC PRODUCTION ASSOCIATION BAZALT", [], "Russia"),
            new ListEntry("13", EntityType.Person, "BAZZAL, Mohamad", [], null),
            new ListEntry("14", EntityType.Organisation, "JOINT STOCK COMPANY VOMZ", [], "Russia"),
            new ListEntry("15", EntityType.Organisation, "AO NPO KVANT", [], "Russia"),
            new ListEntry("16", EntityType.Organisation, "LLC JOINT VENTURE KVANT", [], "Russia"),
            new ListEntry("17", EntityType.Organisation, "OTKRYTOE AKTSIONERNOE OBSHCHESTVO KVANT", [], "Russia"),
            new ListEntry("18", EntityType.Organisation, "929 STATE FLIGHT TEST CENTER", [], "Russia"),
            new ListEntry("19", EntityType.Organisation, "GOOD LAND INTERNATIONAL COMPANY", [], null),
            new ListEntry("20", EntityType.Organisation, "JSC RPA KVANT", [], "Russia"),
            new ListEntry("21", EntityType.Organisation, "JSC RUSELECTRONICS", [], "Russia"),
            new ListEntry("22", EntityType.Organisation, "CHKPZ", [], "Russia"),
            new ListEntry("23", EntityType.Organisation, "AO ZAVOD IM. A.A.KULAKOVA", [], "Russia"),
            new ListEntry("24", EntityType.Organisation, "KB SPETSIALNOGO MASHINOSTROENIYA", [], "Russia"),
            new ListEntry("25", EntityType.Organisation, "OOO MEKHANIKA", [], "Russia"),
            new ListEntry("26", EntityType.Organisation, "RUWWAD EXPORT DEVELOPMENT", [], null),
        ]),
    ]);

    [Theory]
    [InlineData("kazanskii", "kazan")]
    [InlineData("zelenodolskoe", "zelenodolsk")]
    [InlineData("tsentralnogo", "tsentralnyi")]
    [InlineData("popova", "popov")]
    [InlineData("sberbanka", "sberbank")]
    [InlineData("novosibirskii", "novosibirsk")]
    [InlineData("dubnenskii", "dubna")]
    [InlineData("penzenskogo", "penza")]
    public void Stem_AgreesOnForms_OfOneWord(string inflected, string plain)
    {
        Assert.Equal(Stem(plain), Stem(inflected));
    }

    [Fact]
    public void Compare_WeighsLoneLetters_AsHalfAWordOfTheirRarity()
    {
        var index = ScreeningIndex.Build(
        [
            new SanctionsList("ofac",
            [
                new ListEntry("1", EntityType.Organisation, "I A C INTERNATIONAL INC.", [], null),
                new ListEntry("2", EntityType.Organisation, "K TECHNOLOGY JOINT STOCK COMPANY", [], null),
                new ListEntry("3", EntityType.Organisation, "KARPOV INSTRUMENT PLANT", [], "Russia"),
            ]),
        ]);

        // Two initials agree with I A C and nothing else does; weighed as whole words they scored above 0.5.
        Assert.InRange(index.Compare("ZAVOD IMENI K A VOLODINA", "I A C INTERNATIONAL INC."), 0.01, 0.45);
    }

    [Fact]
    public void Search_TakesNoLetterOfAnAbbreviatedLegalForm_IntoAnotherAbbreviation()
    {
        var index = ScreeningIndex.Build(
        [
            new SanctionsList("ofac",
            [
                new ListEntry("1", EntityType.Organisation, "DML", [], null),
                new ListEntry("2", EntityType.Organisation, "DIZAIN PARTNER MIKROCHIP", [], "Russia"),
                new ListEntry("3", EntityType.Organisation, "FAR", [], null),
                new ListEntry("4", EntityType.Organisation, "AO REMONTNAIA BAZA PO REMONTU AVIATSIONNYKH PRIBOROV", [], "Russia"),
            ]),
        ]);

        var microchip = index.Search("DP MICROCHIP LLC", new ScreeningOptions(Top: 5, MinimumScore: 0));
        var rembaza = index.Search("FL AO REMBAZA", new ScreeningOptions(Top: 5, MinimumScore: 0));

        Assert.Equal("2", microchip[0].EntityId);
        Assert.DoesNotContain(microchip, m => m.Explanation.Pairs.Any(p => p.Kind == TokenMatchKind.Acronym));
        Assert.Equal("4", rembaza[0].EntityId);
        Assert.DoesNotContain(rembaza, m => m.EntityId == "3" && m.Explanation.Pairs.Any(p => p.Kind == TokenMatchKind.Acronym));
    }

    [Theory]
    [InlineData("YUGANSKNEFTEGAZ", "NYAGANNEFTEGAZ")]
    [InlineData("ROSTFINANCE", "EVROFINANCE")]
    public void NearSpelling_IsNotCredited_WhenCompoundsBeginWithOtherWords(string one, string other)
    {
        Assert.Equal(0, ScreeningIndex.TokenSimilarity(Skeleton(one), Skeleton(other)));
    }

    [Theory]
    [InlineData("VLADILENOVICH", "VLADENILOVICH")]
    [InlineData("GUNPOWDER", "POWDER")]
    [InlineData("ROSTFINANCE", "ROSTFINANS")]
    [InlineData("KALASHNIKOV", "KALASHNIKOB")]
    public void NearSpelling_IsCredited_WhenWordsDifferInsideOrOneEndsInTheOther(string one, string other)
    {
        Assert.InRange(ScreeningIndex.TokenSimilarity(Skeleton(one), Skeleton(other)), 0.5, 0.99);
    }

    [Theory]
    [InlineData("ivan")]
    [InlineData("1945")]
    [InlineData("oao")]
    public void Stem_KeepsShortWordsAndNumbers(string word)
    {
        var skeleton = NameNormalizer.NormalizeToken(word).Skeleton;
        Assert.Equal(skeleton, NameNormalizer.Stem(skeleton));
    }

    [Theory]
    [InlineData("ZAVOD", "PLANT")]
    [InlineData("Верфи", "SHIPYARDS")]
    [InlineData("NAUCHNO", "SCIENTIFIC")]
    [InlineData("KONSTRUKTORSKOGO", "DESIGN")]
    [InlineData("Исследовательский", "RESEARCH")]
    [InlineData("BYURO", "BUREAU")]
    [InlineData("TEKHNOLODZHIS", "TECHNOLOGIES")]
    [InlineData("KONSALTING", "CONSULTING")]
    [InlineData("Трейдинг", "TRADING")]
    [InlineData("VSEROSSIYSKIY", "ALLRUSSIAN")]
    [InlineData("VOLK", "WOLF")]
    [InlineData("SPG", "LNG")]
    [InlineData("POLUPROVODNIKI", "SEMICONDUCTORS")]
    [InlineData("FUTBOLNYI", "FOOTBALL")]
    [InlineData("KLUB", "CLUB")]
    [InlineData("KOMBINAT", "PLANT")]
    [InlineData("TSIFRA", "DIGITAL")]
    [InlineData("MSB", "SME")]
    [InlineData("BRIZ", "BREEZE")]
    [InlineData("PRAVITELSTVO", "GOVT")]
    [InlineData("PLASTIK", "PLASTICS")]
    [InlineData("KOMMUNIKATSII", "COMMUNICATIONS")]
    [InlineData("FAKTORING", "FACTORING")]
    [InlineData("RESURSY", "RESOURCES")]
    public void Concepts_JoinTranslations(string russian, string english)
    {
        var concept = Concept(russian);
        Assert.NotEqual(0, concept);
        Assert.Equal(concept, Concept(english));
    }

    [Theory]
    [InlineData("KALASHNIKOV")]
    [InlineData("ROSOBORONEXPORT")]
    [InlineData("IVANOV")]
    public void Concepts_LeaveProperNamesAlone(string name)
    {
        Assert.Equal(0, Concept(name));
    }

    [Fact]
    public void Concepts_GiveEachStemOneMeaning()
    {
        Assert.Empty(NameConcepts.Collisions());
    }

    [Fact]
    public void Concepts_AreSingleWords()
    {
        // Words are compared one by one: a phrase in the vocabulary could never match.
        Assert.All(NameConcepts.Entries(), e => Assert.Single(NameNormalizer.Tokenize(e.Word)));
        Assert.True(NameConcepts.Entries().Count() > 400);
    }

    [Theory]
    [InlineData("JSC ADMIRALTY SHIPYARDS", "1", TokenMatchKind.Translation)]
    [InlineData("JSC NIIP", "2", TokenMatchKind.Acronym)]
    [InlineData("KAMKABEL", "3", TokenMatchKind.Acronym)]
    [InlineData("SIBANTHRACITE JSC", "4", TokenMatchKind.Typo)]
    [InlineData("SOVKOMKARD", "5", TokenMatchKind.Transliteration)]
    [InlineData("KAZAN HELICOPTER PLANT", "6", TokenMatchKind.Inflection)]
    [InlineData("TSENTRALNY NAUCHNO-ISSLEDOVATELSKI INSTITUT KHIMII I MEKHANIKI", "7", TokenMatchKind.Acronym)]
    [InlineData("RUSSIAN ELECTRONICS", "21", TokenMatchKind.Acronym)]
    [InlineData("CHELYABINSKII KUZNECHNO-PRESSOVYI ZAVOD", "22", TokenMatchKind.Acronym)]
    [InlineData("DESIGN BUREAU OF SPECIAL MACHINE BUILDING", "24", TokenMatchKind.Translation)]
    [InlineData("MECHANIKA LLC", "25", TokenMatchKind.Transliteration)]
    public void Search_FindsOtherForms_AndSaysHow(string query, string entityId, TokenMatchKind kind)
    {
        var best = Index.Search(query, new ScreeningOptions(3, 0))[0];
        Assert.Equal(entityId, best.EntityId);
        Assert.Contains(best.Explanation.Pairs, p => p.Kind == kind);
    }

    [Fact]
    public void Search_ExplainsAbbreviation_WithTheWordsItStandsFor()
    {
        var best = Index.Search("FGUP TSNIIKHM", new ScreeningOptions(1, 0)).Single();
        Assert.Equal("2", Index.Search("NIIP", new ScreeningOptions(1, 0)).Single().EntityId);
        var pair = Index.Search("Tsentralny Nauchno-Issledovatelski Institut Khimii i Mekhaniki", new ScreeningOptions(1, 0)).Single()
            .Explanation.Pairs.Single(p => p.Kind == TokenMatchKind.Acronym);
        Assert.Equal("7", best.EntityId);
        Assert.Equal("TSNIIKHM", pair.NameToken);
        Assert.StartsWith("Tsentralny Nauchno", pair.QueryToken, StringComparison.Ordinal);
        Assert.Contains("(acronym)", best.Explanation.ToString() + Index.Search("KAMKABEL")[0].Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SRC")]
    [InlineData("MII")]
    public void Search_DoesNotReadPersonsInitials_AsAbbreviations(string query)
    {
        Assert.DoesNotContain(Index.Search(query, new ScreeningOptions(10, 0)), m => m.EntityId is "8" or "9");
    }

    [Fact]
    public void Search_ReadsOrganisationsInitials_AsAbbreviations()
    {
        var match = Index.Search("SRC", new ScreeningOptions(10, 0)).Single(m => m.EntityId == "10");
        Assert.Contains(match.Explanation.Pairs, p => p.Kind == TokenMatchKind.Acronym && p.NameToken == "SHIP REPAIR CENTER");
    }

    [Fact]
    public void Search_ReadsAbbreviations_ThroughLegalForms_AndReportsThemOnce()
    {
        // KOMMERCHESKI BANK is a legal form, set aside from matching, yet the K and B of RNKB.
        var best = Index.Search("RNKB OAO", new ScreeningOptions(1, 0)).Single();
        Assert.Equal("11", best.EntityId);
        var pair = Assert.Single(best.Explanation.Pairs, p => p.Kind == TokenMatchKind.Acronym);
        Assert.Equal("ROSSISKI NATSIONALNY KOMMERCHESKI BANK", pair.NameToken);
        Assert.DoesNotContain("KOMMERCHESKI", best.Explanation.DroppedLegalForms);
    }

    [Fact]
    public void Search_ReadsAbbreviations_ThatTakeALetterOfTheTranslation()
    {
        // VOMZ: Vologodskii Optiko-Mekhanicheskii Zavod; the English name has PLANT where the Russian has ZAVOD.
        var best = Index.Search("VOLOGDA OPTICAL AND MECHANICAL PLANT JSC", new ScreeningOptions(1, 0)).Single();
        Assert.Equal("14", best.EntityId);
        Assert.Contains(best.Explanation.Pairs, p => p.Kind == TokenMatchKind.Acronym && p.NameToken == "VOMZ");
    }

    [Fact]
    public void Search_ReadsAbbreviations_WhoseEveryLetterComesFromATranslation()
    {
        // GLITs: Gosudarstvennyi Letno-Ispytatelnyi Tsentr, listed in English as STATE FLIGHT TEST CENTER; the English
        // initials of another name (GOOD LAND INTERNATIONAL COMPANY) spell the same letters but not the number.
        var matches = Index.Search("929 GLITS", new ScreeningOptions(2, 0));
        Assert.Equal(["18", "19"], matches.Select(m => m.EntityId));
    }

    [Theory]
    [InlineData("LLC JV KVANT", "16")]
    [InlineData("OAO KVANT", "17")]
    [InlineData("NPO KVANT", "15")]
    [InlineData("JOINT STOCK COMPANY RESEARCH AND PRODUCTION ASSOCIATION KVANT", "20")]
    public void Search_BreaksTies_ByAgreeingLegalForm(string query, string first)
    {
        // Three entities reduce to KVANT alike; the one whose legal form or kind of body agrees comes first.
        var matches = Index.Search(query, new ScreeningOptions(3, 0));
        Assert.Equal(3, matches.Count(m => m.Score == matches[0].Score));
        Assert.Equal(first, matches[0].EntityId);
    }

    [Theory]
    [InlineData("CJSC VAD", "2")]
    [InlineData("AKTSIONERNOE OBSHCHESTVO SPETSTEKHNIKA", "4")]
    [InlineData("OOO NPP ANTARES", "6")]
    [InlineData("FSUE ZVEZDA", "8")]
    public void Search_BreaksTies_ByTheKindOfBodyTheFormsSay_HoweverWritten(string query, string first)
    {
        // Each pair scores alike on the distinguishing word; list order alone would put the first of each pair first.
        var index = ScreeningIndex.Build(
        [
            new SanctionsList("ofac",
            [
                new ListEntry("1", EntityType.Organisation, "WAAD", [], null),
                new ListEntry("2", EntityType.Organisation, "AO VAD", [], "Russia"),
                new ListEntry("3", EntityType.Organisation, "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU SPETSTEKHNIKA", [], "Russia"),
                new ListEntry("4", EntityType.Organisation, "AO SPETSTEKHNIKA", [], "Russia"),
                new ListEntry("5", EntityType.Organisation, "ANTARES LLC", [], "Russia"),
                new ListEntry("6", EntityType.Organisation, "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU NAUCHNO PROIZVODSTVENNOE PREDPRIIATIE ANTARES", [], "Russia"),
                new ListEntry("7", EntityType.Organisation, "OOO ZVEZDA", [], "Russia"),
                new ListEntry("8", EntityType.Organisation, "FGUP ZVEZDA", [], "Russia"),
            ]),
        ]);

        var matches = index.Search(query, new ScreeningOptions(2, 0));
        Assert.Equal(matches[0].Score, matches[1].Score);
        Assert.Equal(first, matches[0].EntityId);
    }

    [Theory]
    [InlineData("EI SI DZHI FAINENS", "EI SI DZHI", "acg")]
    [InlineData("ЭЙ-СИ-ДЖИ Файненс", "ЭЙ СИ ДЖИ", "acg")]
    [InlineData("OOO AY EM KOFE", "AY EM", "im")]
    [InlineData("ER BI EICH TULZ", "ER BI EICH", "rbh")]
    [InlineData("AI TI SI", "AI TI SI", "itc")]
    [InlineData("OOO O-SI-ES-TSENTR", "O SI ES", "ocs")]
    public void Tokenize_ReadsLatinLettersSpelledOutInRussian_AsTheLetters(string name, string surface, string letters)
    {
        var token = NameNormalizer.Tokenize(name).Single(t => t.Surface == surface);
        Assert.Equal(letters, token.Folded);
    }

    [Theory]
    [InlineData("ARTEM")]
    [InlineData("ELVIRA")]
    [InlineData("EL BIEV")]
    [InlineData("SI")]
    [InlineData("ESEN")]
    [InlineData("ENTITIES")]
    [InlineData("ARTYEM")]
    [InlineData("ESDIES")]
    [InlineData("PARTIDO COMUNISTA DEL PERU EN EL SENDERO LUMINOSO")]
    public void Tokenize_LeavesWordsAlone_ThatAreNotWhollySpelledLetters(string name)
    {
        Assert.Equal(name.ToLowerInvariant().Split(' '), NameNormalizer.Tokenize(name).Select(t => t.Folded));
    }

    [Theory]
    [InlineData("EI SI DZHI FAINENS LIMITED", "ACG FINANCE LIMITED")]
    [InlineData("ЭЙ-БИ-СИ ТРЕЙДИНГ", "ABC TRADING")]
    public void Search_FindsTheLatinName_OfAnAbbreviationSpelledOutInRussian(string query, string listed)
    {
        var index = ScreeningIndex.Build(
        [
            new SanctionsList("ofac",
            [
                new ListEntry("1", EntityType.Organisation, "ACE GLOBAL FINANCE LIMITED", [], null),
                new ListEntry("2", EntityType.Organisation, "SOLUTIONS GROUP LLC", [], null),
                new ListEntry("3", EntityType.Organisation, listed, [], "Russia"),
            ]),
        ]);

        Assert.Equal("3", index.Search(query, new ScreeningOptions(3, 0))[0].EntityId);
    }

    [Theory]
    [InlineData("AO NPO BAZALT")]
    [InlineData("НПО Базальт")]
    [InlineData("NAUCHNO-PROIZVODSTVENNOE OBEDINENIE BAZALT")]
    public void Search_SetsKindsOfBodyAside_InEveryForm(string query)
    {
        var best = Index.Search(query, new ScreeningOptions(1, 0)).Single();
        Assert.Equal("12", best.EntityId);
        Assert.Equal(1.0, best.Score);
    }

    [Fact]
    public void Search_ScoresTranslation_BelowSameWords()
    {
        var english = Index.Search("ADMIRALTY SHIPYARDS", new ScreeningOptions(1, 0)).Single();
        var russian = Index.Search("ADMIRALTEISKIE VERFI", new ScreeningOptions(1, 0)).Single();
        Assert.Equal("1", english.EntityId);
        Assert.True(english.Score < russian.Score, $"{english.Score} < {russian.Score}");
    }

    [Fact]
    public void Search_ReadsTwoWordsTheVocabularyKnowsWrittenTogether_AsOne()
    {
        // MASHINOSTROENIE is MACHINEBUILDING in the vocabulary; lists write it MACHINE BUILDING as often as not.
        var best = Index.Search("DESIGN BUREAU OF SPECIAL MACHINE BUILDING", new ScreeningOptions(1, 0)).Single();
        Assert.Equal("24", best.EntityId);
        Assert.Contains(best.Explanation.Pairs, p => p.QueryToken == "MACHINE BUILDING" && p.NameToken == "MASHINOSTROENIYA");
    }

    [Theory]
    [InlineData("MYTISHCHINSKY INSTRUMENT MAKING PLANT", "MYTISHCHINSKII PRIBOROSTROITELNYI ZAVOD", "INSTRUMENT MAKING")]
    [InlineData("SPECIAL DESIGN BUREAU OF INSTRUMENT ENGINEERING", "SPETSIALNOE KONSTRUKTORSKOE BYURO PRIBOROSTROENIYA", "INSTRUMENT ENGINEERING")]
    [InlineData("URALSKI ZAVOD GRAZHDANSKOI AVIATSII", "URAL CIVIL AVIATION PLANT", "AVIATSII")]
    [InlineData("SEVERNOYE MORSKOYE PAROKHODSTVO", "NORTHERN SHIPPING COMPANY", "PAROKHODSTVO")]
    public void Search_TranslatesWordsOfIndustry_BetweenRussianAndEnglish(string query, string listed, string translated)
    {
        // Instrument making was two concepts (the Russian word in one, the English compound in another) until they met.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "MYTISHCHINSKII PLANT", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, listed, [], "Russia"),
        ])]);

        var best = index.Search(query, new ScreeningOptions(1, 0)).Single();

        Assert.Equal("2", best.EntityId);
        Assert.Contains(best.Explanation.Pairs, p => p.QueryToken == translated && p.Kind == TokenMatchKind.Translation);
    }

    [Theory]
    [InlineData("BERDSKII ELECTROMEHANICHESKII ZAVOD AO", "JOINT STOCK COMPANY BEMZ")]
    [InlineData("JOINT STOCK COMPANY BEMZ", "BERDSKII ELECTROMEHANICHESKII ZAVOD AO")]
    [InlineData("KALUZHSKY NAUCHNO ISSLEDOVATELSKY RADIOTEKHNICHESKY INSTITUT", "AO KNIRTI")]
    [InlineData("JOINT STOCK COMPANY 163 BTRZ", "163 BRONETANKOVY REMONTNY ZAVOD OAO")]
    public void Search_ReadsAbbreviations_ThatTakeALetterFromEachPartOfACompoundWord(string query, string listed)
    {
        // ELEKTROMEKHANICHESKII gives E and M, RADIOTEKHNICHESKII R and T: Russian abbreviations are made so.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "KALUGA PLANT", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, listed, [], "Russia"),
        ])]);

        var found = index.Search(query, new ScreeningOptions(2, 0)).Single(m => m.EntityId == "2");

        Assert.InRange(found.Score, ScreeningOptions.DefaultMinimumScore, 1.0);
        Assert.Contains(found.Explanation.Pairs, p => p.Kind == TokenMatchKind.Acronym);
    }

    [Theory]
    [InlineData("PJSC KURGANSKY MASHINOSTROITELNY FACTORY", "KURGANMASHZAVOD PJSC")]
    [InlineData("KURGANMASHZAVOD PJSC", "PJSC KURGANSKY MASHINOSTROITELNY FACTORY")]
    [InlineData("SBERBANK OF RSFSR", "JOINT STOCK COMMERCIAL SAVINGS BANK OF THE RSFSR")]
    [InlineData("JOINT STOCK COMPANY DEVICES SERVICE TRADE", "PRIST")]
    public void Search_ReadsSyllableWords_ThatTakeASyllableOfATranslation(string query, string listed)
    {
        // KURGANMASHZAVOD takes ZAVOD where the English name says FACTORY.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "URALSKIY ZAVOD TRANSPORTNOGO MASHINOSTROENIYA", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, listed, [], "Russia"),
        ])]);

        var best = index.Search(query, new ScreeningOptions(2, 0))[0];

        Assert.Equal("2", best.EntityId);
        Assert.Contains(best.Explanation.Pairs, p => p.Kind == TokenMatchKind.Acronym);
    }

    [Fact]
    public void Search_FindsAListedWord_ThatBeginsWithAWholeWordOfTheQuery()
    {
        // ROSATOMPORT is ROSATOM's port company: the query's word is the listed word's first part.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "ROSATOM INNOHUB", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, "ROSATOMPORT", [], "Russia"),
        ])]);

        var found = index.Search("FGUP HYDROGRAPHIC COMPANY STATE CORPORATION ROSATOM", new ScreeningOptions(2, 0));

        Assert.Contains(found, m => m.EntityId == "2" && m.Score > 0);
    }

    [Fact]
    public void Search_FindsAListedWord_MadeOfAnInitialAndAShortWordOfTheQuery()
    {
        // TGOK is the TUGANSKY GOK (mining and processing plant): T, then GOK whole.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "LEBEDINSKI GOK AO", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, "TGOK ILMENITE JSC", [], "Russia"),
        ])]);

        var found = index.Search("TUGANSKY GOK", new ScreeningOptions(2, 0));

        Assert.Equal("2", found[0].EntityId);
    }

    [Fact]
    public void Search_FindsAnAbbreviation_WhoseLettersComeFromTheListedWordsTranslations()
    {
        // VOMZ is VOLOGODSKII OPTIKO-MEKHANICHESKII ZAVOD; the list writes it in English, so Z comes from PLANT's
        // translation, and the index keeps that reading for the abbreviation to find.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "VOLOGDA OPTICAL AND MECHANICAL PLANT", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, "VOLOGDA SHIP REPAIR PLANT", [], "Russia"),
        ])]);

        var found = index.Search("JOINT STOCK COMPANY VOMZ", new ScreeningOptions(2, 0));

        Assert.Equal("1", found[0].EntityId);
    }

    [Fact]
    public void Search_FindsANameByTheCompoundItWrites_WhenTheQueryWritesItAsOneWord()
    {
        // INSTRUMENT ENGINEERING is PRIBOROSTROITELNYI written as two English words; nothing else is shared.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "INSTRUMENT ENGINEERING FSUE", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, "OOO PRIBOY", [], "Russia"),
        ])]);

        var found = index.Search("PRIBOROSTROITELNYI FGUP", new ScreeningOptions(2, 0));

        Assert.Equal("1", found[0].EntityId);
        Assert.Contains(found[0].Explanation.Pairs, p => p.Kind == TokenMatchKind.Translation);
    }

    [Fact]
    public void Search_FindsAnAbbreviation_ThatTakesOneLetterForACompoundWrittenAsTwoWords()
    {
        // KMZ is KINGISEPPSKII MASHINOSTROITELNYI ZAVOD; the list writes MACHINE BUILDING, two words for one letter.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "KINGISEPP MACHINE BUILDING PLANT LLC", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, "KOMSOMOLSK BUILDING PLANT LLC", [], "Russia"),
        ])]);

        var found = index.Search("KMZ CO LTD", new ScreeningOptions(2, 0));

        Assert.Equal("1", found[0].EntityId);
        Assert.Contains(found[0].Explanation.Pairs, p => p.Kind == TokenMatchKind.Acronym && p.NameToken == "KINGISEPP MACHINE BUILDING PLANT");
    }

    [Theory]
    [InlineData("PJSC KB VOSTOCHNY")]
    [InlineData("JSC CB VOSTOCHNY")]
    [InlineData("КОММЕРЧЕСКИЙ БАНК ВОСТОЧНЫЙ")]
    public void Search_SetsACommercialBankAside_AsAKindOfBody_InEveryForm(string query)
    {
        // KB is a design bureau or a commercial bank (KOMMERCHESKII BANK); either way it says what a body is, not which.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "KB VOSTOK OOO", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, "VOSTOCHNY COMMERCIAL BANK PJSC", [], "Russia"),
        ])]);

        var found = index.Search(query, new ScreeningOptions(2, 0));

        Assert.Equal("2", found[0].EntityId);
        Assert.Contains("COMMERCIAL", found[0].Explanation.DroppedLegalForms);
    }

    [Fact]
    public void Compare_ReadsACentralResearchInstitute_WrittenWithNii()
    {
        // TSENTRALNY NII is TSNII, a central research institute; SUDOVOGO is a ship's, or marine, word.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "JSC CENTRAL RESEARCH INSTITUTE OF MARINE ENGINEERING", [], "Russia"),
        ])]);

        Assert.True(index.Compare("CJSC TSENTRALNY NII SUDOVOGO MASHINOSTROYENIYA", "JSC CENTRAL RESEARCH INSTITUTE OF MARINE ENGINEERING") > 0);
    }

    [Fact]
    public void Search_ReadsAWordOfTheVocabularyThatIsAnAbbreviation_AsTheWordsItStandsFor()
    {
        // RAN is the academy of sciences, a word of the vocabulary (RAS in English), and the initials of ROSSIISKOI
        // AKADEMII NAUK: the institute of the academy comes before the bare institute's name.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "INSTITUT PRIKLADNOI FIZIKI", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, "INSTITUT PRIKLADNOI FIZIKI ROSSIISKOI AKADEMII NAUK", [], "Russia"),
        ])]);

        var found = index.Search("IPF RAN", new ScreeningOptions(2, 0));

        Assert.Equal("2", found[0].EntityId);
        Assert.Contains(found[0].Explanation.Pairs, p => p.Kind == TokenMatchKind.Acronym && p.NameToken == "ROSSIISKOI AKADEMII NAUK");
    }

    [Fact]
    public void Search_FindsTheLongName_OfAnAbbreviationThatEndsInASyllable()
    {
        // UVIKOM: UGLERODNYE VOLOKNA I KOMPOZITY, initials and then KOM of the last word; OOO says it is an organisation.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "OOO UVAROVSKII KOMBINAT", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, "OOO NAUCHNO-PROIZVODSTVENNY TSENTR UGLERODNYE VOLOKNA I KOMPOZITY", [], "Russia"),
        ])]);

        var found = index.Search("UVIKOM OOO", new ScreeningOptions(2, 0));

        Assert.Equal("2", found[0].EntityId);
    }

    [Fact]
    public void Search_DoesNotReadALegalForm_AsSyllablesOfTheWordsThatNameABody()
    {
        // PJSC is a legal form, not PPF (a private pension fund) followed by JSC.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "PJSC SBERBANK", [], "Russia"),
            new ListEntry("2", EntityType.Organisation, "SBERBANK PRIVATE PENSION FUND CLOSED JOINT STOCK COMPANY", [], "Russia"),
        ])]);

        var matches = index.Search("SBERBANK PPF JSC", new ScreeningOptions(2, 0));

        Assert.Equal("2", matches[0].EntityId);
        Assert.DoesNotContain(matches.Single(m => m.EntityId == "1").Explanation.Pairs, p => p.NameToken == "PJSC");
    }

    [Fact]
    public void ScoreTokens_BoundsWhatACommonAbbreviationReads_ByItsOwnRarity()
    {
        // PVT, in hundreds of listed names, read as the initials of three rare words: weak evidence that they are there.
        TokenKey[] query = [new("pribor", -1, 0), new("volga", -1, 0), new("tikhomirova", -1, 0)];
        float[] rare = [1f, 1f, 1f];
        TokenKey[] name = [new("pvt", -1, 0)];

        var common = ScreeningIndex.ScoreTokens(query, rare, "", name, [0.01f], "", acronyms: true);
        var asRare = ScreeningIndex.ScoreTokens(query, rare, "", name, [1f], "", acronyms: true);

        Assert.InRange(common, 0.01, 0.25);
        Assert.InRange(asRare, 0.6, 1.0);
    }

    [Fact]
    public void Search_DoesNotTakeTwoWordsOfTheVocabularyWithDifferentMeanings_ForMisspellings()
    {
        // MEASURING and MASHIN (of machines) are near in spelling only.
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "AI MASHIN TEKHNOLODZHI", [], "Russia"),
        ])]);

        var found = index.Search("MEASURING TECHNOLOGY", new ScreeningOptions(1, 0)).Single();

        Assert.DoesNotContain(found.Explanation.Pairs, p => p.QueryToken == "MEASURING");
    }

    [Fact]
    public void Search_FindsAName_WhoseInitialsAreWrittenAgainstTheSurname()
    {
        var best = Index.Search("JSC ZAVOD KULAKOVA", new ScreeningOptions(1, 0)).Single();
        Assert.Equal("23", best.EntityId);
        Assert.Contains(best.Explanation.Pairs, p => p.QueryToken == "KULAKOVA" && p.Kind == TokenMatchKind.Exact);
    }

    [Fact]
    public void Search_DoesNotReadAWordOfTheVocabulary_AsAnAbbreviation()
    {
        // RED is a word (KRASNYI), not the initials of RUWWAD EXPORT DEVELOPMENT.
        Assert.DoesNotContain(Index.Search("RED", new ScreeningOptions(10, 0)), m => m.EntityId == "26" && m.Score > 0);
    }

    private static string Stem(string word) => NameNormalizer.Stem(NameNormalizer.NormalizeToken(word).Skeleton);

    private static int Concept(string word) => NameConcepts.Of(Stem(word));

    private static string Skeleton(string word) => NameNormalizer.NormalizeToken(word).Skeleton;
}
