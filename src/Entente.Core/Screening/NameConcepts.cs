using System.Collections.Frozen;

namespace Entente.Core.Screening;

/// <summary>
/// The words of Russian organisation names and their English translations, as one concept each: ZAVOD and PLANT,
/// KONSTRUKTORSKOE BYURO and DESIGN BUREAU, НАУЧНО-ИССЛЕДОВАТЕЛЬСКИЙ and RESEARCH. Sanctions lists give the same
/// company in both languages (JSC ADMIRALTY SHIPYARDS / AO ADMIRALTEISKIE VERFI), so a name matcher that knows only
/// spelling cannot see that two aliases agree. Words are compared on their stems (<see cref="NameNormalizer.Stem"/>),
/// so one form stands for every case and gender (TSENTRALNYI, TSENTRALNOGO, TSENTRALNAYA).
/// </summary>
/// <remarks>
/// Written by hand for the vocabulary of defence, industry, finance and state bodies that Russian lists carry; a word
/// belongs to one concept only. Proper names never appear here: a concept match is weaker than a spelling match.
/// English words as Russian names write them in Cyrillic and lists transliterate back (ТЕХНОЛОДЖИС → TEKHNOLODZHIS,
/// КОНСАЛТИНГ → KONSALTING, ТРЕЙДИНГ → TREIDING) belong to the concept of the English word: no spelling rule brings
/// them back to it.
/// </remarks>
public static class NameConcepts
{
    // One line per concept: its key, then the words that express it in English, Russian transliteration and Cyrillic.
    private static readonly string[] Lines =
    [
        "plant: plant, factory, works, zavod, zavody, завод, combine, kombinat, комбинат",
        "design: design, designing, planning, konstruktorskoe, konstruktorsko, konstruktorskii, конструкторское, proektirovanie, proektirovaniya, проектирование",
        "project: project, projects, proekt, proektnye, proektnyi, проект, проектный",
        "bureau: bureau, byuro, biuro, бюро",
        "institute: institute, institut, институт",
        "research: research, issledovatelskii, issledovatelskiy, issledovatelskogo, исследовательский, issledovanii, issledovaniya, исследований",
        "science: scientific, science, sciences, nauchno, nauchnyi, nauchnyy, nauka, nauki, научно, научный, наука",
        "production: production, producing, manufacturing, proizvodstvennoe, proizvodstvennyi, proizvodstvo, производственное, производство",
        "industry: industry, industrial, promyshlennyi, promyshlennaya, promyshlennosti, промышленный, промышленность",
        "association: association, united, unified, obedinenie, obedinennaya, obyedinenie, объединение, объединённая",
        "enterprise: enterprise, enterprises, predpriyatie, predpriiatie, предприятие",
        "company: company, companies, kompaniya, kompania, компания",
        "firm: firm, firma, фирма",
        "corporation: corporation, corp, korporatsiya, корпорация",
        "concern: concern, kontsern, концерн",
        "group: group, gruppa, grupp, группа",
        "holding: holding, kholding, холдинг",
        "commercial: commercial, kommercheskii, kommercheskiy, коммерческий",
        "investment: investment, investments, investitsionnyi, investitsionnaya, investitsii, инвестиционный, инвестиции",
        "finance: finance, financial, finansovyi, finansovaya, finansy, финансовый, финансы",
        "insurance: insurance, strakhovanie, strakhovaya, strakhovoi, страхование, страховая",
        "leasing: leasing, lizing, lizingovaya, лизинг, лизинговая",
        "savings: savings, sberegatelnyi, сберегательный",
        "credit: credit, lending, kredit, kreditovaniya, kreditnyi, кредит, кредитование",
        "settlement: settlement, settlements, raschetnyi, raschetov, raschetnye, расчётный, расчётов",
        "national: national, natsionalnyi, национальный",
        "international: international, mezhdunarodnyi, международный",
        "regional: regional, oblastnoi, областной, kraevoi, краевой, regionalnyi, региональный",
        "central: central, tsentralnyi, центральный",
        "centre: center, centre, tsentr, центр",
        "state: state, gosudarstvennyi, государственный",
        "federal: federal, federalnyi, федеральный",
        "unitary: unitary, unitarnoe, унитарное",
        "budgetary: budgetary, budget, byudzhetnoe, бюджетное, бюджет",
        "autonomous: autonomous, avtonomnoe, автономное",
        "institution: institution, establishment, uchrezhdenie, учреждение",
        "education: education, educational, obrazovatelnoe, obrazovaniya, образовательное, образование",
        "higher: higher, vysshego, высшего",
        "university: university, universitet, университет",
        "academy: academy, akademiya, академия",
        "academyofsciences: ran, ras, ран",
        "military: military, voennyi, voenno, военный, военно, voiskovaya, войсковая",
        "unit: unit, chast, часть",
        "defence: defence, defense, oborony, oboronnyi, обороны, оборонный",
        "ministry: ministry, ministerstvo, министерство",
        "government: government, govt, pravitelstvo, pravitelstva, правительство",
        "allrussian: allrussian, vserossiiskii, vserossiiskogo, vserossiiskaya, vserossiiskoe, всероссийский",
        "russia: russia, russian, rossiiskii, rossiya, rossii, rossiiskoi, российский, россия, russkii, русский",
        "moscow: moscow, moskva, moskovskii, москва, московский",
        "machine: machine, machines, mashina, mashiny, машина, машины",
        "machinebuilding: mashinostroitelnyi, mashinostroenie, machinebuilding, mechanicalengineering, machinery, машиностроительный, машиностроение",
        "engineering: engineering, inzhenernyi, inzhiniring, инженерный, инжиниринг",
        "instrument: instrument, instruments, device, devices, pribor, pribory, priborov, прибор, приборы, devais, девайс",
        "instrumentmaking: priborostroenie, priborostroeniya, priborostroitelnyi, приборостроение, instrumentation, instrumentmaking, instrumentengineering",
        "electronics: electronic, electronics, elektronnyi, elektronika, электроника, электронный, radioelectronic, radioelektronnyi, радиоэлектронный",
        "electric: electric, electrical, elektricheskii, электрический",
        "electrotechnical: electrotechnical, elektrotekhnicheskii, электротехнический",
        "mechanical: mechanical, mechanics, mekhanicheskii, mekhaniki, mekhanika, механический, механика",
        "chemical: chemical, chemicals, chemistry, khimicheskii, khimicheskikh, khimii, khimiya, химический, химия",
        "technology: technology, technologies, technological, tekhnologii, tekhnologiya, tekhnologicheskii, технологии, технологический, tekhnolodzhi, tekhnolodzhis, текнолоджи, текнолоджис",
        "technical: technical, tekhnicheskii, технический",
        "equipment: equipment, apparatus, oborudovanie, apparatura, apparatury, tekhnika, tekhniki, оборудование, аппаратура, техника",
        "system: system, systems, sistema, sistemy, sistemnoe, система, системы, системное, sistems, систэмс",
        "communication: communication, communications, svyaz, svyazi, kommunikatsii, kommunikatsionnyi, связь, связи, коммуникации",
        "management: management, managing, upravlyayushchaya, управляющая, menedzhment",
        "directorate: directorate, department, administration, upravlenie, управление, departament",
        "aviation: aviation, aircraft, aviatsionnyi, aviatsionnaya, авиационный, avia, aviatsiya, aviatsii, авиация",
        "helicopter: helicopter, helicopters, vertolet, vertolety, вертолёт, вертолеты",
        "engine: engine, engines, motor, motors, dvigatel, dvigateli, двигатель, motornyi, моторный, dvigatelestroitelnyi, dvigatelestroenie, двигателестроительный, двигателестроение",
        "automobile: automobile, motorvehicle, motorvehicles, avtomobilnyi, автомобильный, avtozavod, автозавод",
        "space: space, cosmic, kosmicheskii, kosmicheskikh, космический, cosmonautics, kosmonavtika, космонавтика",
        "rocket: rocket, missile, raketnyi, raketa, ракетный, ракета",
        "optics: optical, optics, opticheskii, optika, оптический, оптика",
        "precision: precision, precise, pretsizionnyi, tochnyi, tochnoi, tochnykh, точный, прецизионный",
        "special: special, spetsialnyi, spetsialnogo, специальный",
        "specialised: specialized, specialised, spetsializirovannoe, специализированное",
        "experimental: experimental, pilot, opytnyi, opytno, опытный",
        "construction: construction, stroitelnyi, stroitelnaya, stroitelstvo, строительный, строительство",
        "oil: oil, petroleum, neft, neftyanaya, нефтяная, нефть",
        "gas: gas, gaz, gazovyi, газ, газовый",
        "refinery: refinery, refining, neftepererabatyvayushchii, нефтеперерабатывающий",
        "coal: coal, ugol, ugolnye, ugolnaya, угольная, уголь",
        "energy: energy, energiya, energeticheskaya, energeticheskii, энергия, энергетическая",
        "power: power, silovye, silovoi, силовые",
        "fuel: fuel, toplivo, toplivnyi, toplivno, топливо, топливный",
        "metallurgy: metallurgical, metallurgy, metallurgicheskii, металлургический",
        "steel: steel, stal, сталь",
        "mining: mining, gornyi, gornodobyvayushchaya, горный",
        "geology: geological, geology, geologicheskii, geologiya, геологический, геология",
        "prospecting: prospecting, exploration, razvedochnyi, razvedka, разведка",
        "transport: transport, transportation, transportnaya, транспорт, транспортная",
        "shipping: shipping, sudokhodnaya, sudokhodstvo, судоходная, судоходство",
        "shipbuilding: shipbuilding, sudostroitelnyi, sudostroenie, судостроительный, судостроение",
        "shipyard: shipyard, shipyards, verf, verfi, верфь, верфи",
        "shiprepair: shiprepair, shiprepairing, sudoremontnyi, sudoremonta, судоремонтный",
        "repair: repair, remont, remontnyi, ремонт, ремонтный",
        "armour: armoured, armored, bronetankovyi, бронетанковый",
        "weapons: weapons, arms, armament, oruzhie, vooruzhenie, оружие, вооружение",
        "marine: marine, maritime, sea, morskoi, morskoe, морской, more, море, sudovoi, судовой",
        "river: river, rechnoi, речной, reka, река",
        "fleet: fleet, flot, флот",
        "air: air, vozdushnyi, воздушный",
        "materials: materials, material, materialy, materialov, материалы",
        "plastic: plastic, plastics, plastik, plastiki, plastmass, пластик, пластмасса",
        "products: products, product, produkty, produktov, produktsii, продукты, продукция",
        "metal: metal, metals, metallicheskii, металлический",
        "complex: complex, kompleks, комплекс",
        "hydraulics: hydraulics, hydraulic, gidravlika, gidravliki, гидравлика",
        "automation: automation, automatics, avtomatika, avtomatiki, автоматика",
        "acoustics: acoustics, acoustic, akustika, akusticheskii, акустика",
        "information: information, informational, informatsionnyi, информационный, informatsii",
        "computing: computing, computer, vychislitelnyi, вычислительный",
        "laboratory: laboratory, lab, laboratoriya, лаборатория",
        "head: head, lead, leading, golovnoe, golovnoi, головное",
        "main: main, chief, glavnoe, glavnyi, главное, главный",
        "intelligence: intelligence, reconnaissance, razvedyvatelnoe, разведывательное",
        "staff: staff, shtab, штаб",
        "fund: fund, foundation, fond, фонд",
        "pension: pension, pensionnyi, пенсионный",
        "private: private",
        "security: security, okhrannaya, okhrana, охранная, bezopasnost, безопасность, sekyuriti, секьюрити",
        "agency: agency, agentstvo, агентство",
        "social: social, sotsialnyi, sotsialnogo, социальный",
        "news: news, novosti, новости",
        "service: service, services, servis, sluzhba, служба, сервис",
        "north: north, northern, sever, severnyi, север, северный",
        "south: south, southern, yug, yuzhnyi, юг, южный",
        "east: east, eastern, vostok, vostochnyi, восток, восточный",
        "west: west, western, zapad, zapadnyi, запад, западный",
        "new: new, novyi, novaya, новый",
        "trade: trade, trading, torgovyi, torgovlya, torgovo, торговый, торговля, treid, treiding, трейд, трейдинг",
        "foreign: foreign, external, vneshnii, vneshnei, внешний",
        "development: development, razvitie, razvitiya, развитие, divelopment, девелопмент",
        "reconstruction: reconstruction, rekonstruktsii, rekonstruktsiya, реконструкция",
        "export: export, exports, eksport, экспорт",
        "import: import, imports, импорт",
        "cable: cable, cables, kabel, kabelnyi, кабель, кабельный",
        "radio: radio, радио, radiotekhnicheskii, radioengineering",
        "navigation: navigation, navigatsiya, навигация",
        "testing: testing, test, ispytatelnyi, ispytanii, испытательный",
        "award: order, ordena, орден",
        "labour: labour, labor, trudovogo, трудовой",
        "red: red, krasnogo, krasnyi, красный",
        "banner: banner, znameni, знамя",
        "named: named, imeni, имени",
        "nonstate: nonstate, negosudarstvennyi, негосударственный",
        "liquefied: liquefied, szhizhennyi, сжиженный",
        "natural: natural, prirodnyi, природный",
        "estate: realestate, nedvizhimost, недвижимость",
        "asset: asset, assets, aktivy, активы",
        "capital: capital, kapital, капитал",
        "card: card, karta, карта",
        "drilling: drilling, burenie, burovaya, бурение, буровая",
        "channel: channel, kanal, канал",
        "first: first, pervyi, первый",
        "second: second, vtoroi, второй",
        "movement: movement, dvizhenie, движение",
        "union: union, soyuz, союз",
        "joint: joint, sovmestnoe, совместное",
        "venture: venture, venchurnaya, венчурная",
        "nuclear: nuclear, atomic, yadernyi, atomnyi, ядерный, атомный",
        "thermonuclear: thermonuclear, termoyadernykh, термоядерный",
        "innovation: innovation, innovative, innovations, innovatsionnyi, innovatsii, инновационный, инновации",
        "digital: digital, tsifrovoi, tsifrovye, tsifra, цифровой, цифра",
        "solutions: solutions, solution, resheniya, resheniye, решения, solyushns, солюшнс",
        "road: road, roads, dorozhnaya, dorozhnyi, дорожная",
        "railway: railway, railways, zheleznodorozhnyi, железнодорожный",
        "civil: civil, civilian, grazhdanskoi, grazhdanskii, гражданский",
        "measuring: measuring, measurement, measurements, izmeritelnye, izmeritelnyi, измерительный",
        "battery: battery, batteries, accumulator, akkumulyatornaya, аккумуляторная",
        "rubber: rubber, rezinovykh, rezinotekhnicheskikh, kauchuk, каучук",
        "synthetic: synthetic, sinteticheskii, синтетический",
        "underwater: underwater, subsea, submarine, podvodnoe, podvodnogo, podvodnaya, подводное, подводная",
        "post: post, postal, pochta, pochtovyi, почта",
        "lubricants: lubricants, lubricant, smazochnye, смазочные",
        "exchange: exchange, birzha, биржа",
        "depository: depository, depozitarii, депозитарий",
        "payment: payment, payments, platezhnyi, platezhnye, платёжный",
        "petrochemical: petrochemical, neftekhimicheskii, нефтехимический",
        "pipeline: pipeline, truboprovod, трубопровод",
        "pipe: pipe, pipes, truba, trub, трубы",
        "polymer: polymer, polymers, polimernykh, полимерный",
        "airline: airline, airlines, aviakompaniya, авиакомпания",
        "flight: flight, letnyi, letnyy, лётный",
        "detachment: detachment, otryad, отряд",
        "regiment: regiment, polk, полк",
        "brigade: brigade, brigada, бригада",
        "division: division, diviziya, дивизия",
        "guards: guards, gvardeiskii, гвардейский",
        "semiconductor: semiconductor, semiconductors, poluprovodnikov, poluprovodniki, poluprovodnik, полупроводников, полупроводники",
        "physics: physics, physical, fiziki, fizicheskii, физики",
        "theoretical: theoretical, teoreticheskoi, теоретической",
        "applied: applied, prikladnoi, прикладной",
        "heavy: heavy, tyazhelogo, тяжёлый",
        "components: components, component, komponenty, компоненты",
        "young: young, youth, yunyi, юный, molodezhnyi",
        "army: army, armiya, армия",
        "patriotic: patriotic, patrioticheskii, патриотический",
        "volunteer: volunteer, volunteers, dobrovolets, dobrovoltsev, добровольцев",
        "imperial: imperial, imperskoe, имперское",
        "children: children, childrens, detskoe, детское",
        "charitable: charitable, charity, blagotvoritelnyi, благотворительный",
        "public: public, obshchestvennyi, obshchestvennoe, общественный",
        "organisation: organization, organisation, organizatsiya, организация",
        "noncommercial: noncommercial, nonprofit, nekommercheskaya, некоммерческая",
        "marketing: marketing, sbytovoe, сбытовое",
        "life: life, zhizni, жизни",
        "leather: leather, kozhevennyi",
        "gold: gold, zoloto, zolotoi, золото",
        "diamond: diamond, diamonds, almaznyi, алмазный",
        "jewellery: jewelry, jewellery, yuvelirnyi, ювелирный",
        "timber: timber, wood, lesnoi, лесной",
        "fertiliser: fertilizer, fertilizers, udobrenii, удобрений",
        "agricultural: agricultural, agro, selskokhozyaistvennyi, сельскохозяйственный",
        "port: port, portovaya, портовая",
        "sea: seaport, morport",
        "salvage: salvage, rescue, spasatelnaya, спасательная",
        "clearing: clearing, kliring, клиринг",
        "counterparty: counterparty, kontragent, контрагент",
        "platform: platform, platforms, platforma, platformy, платформа",
        "smart: smart, umnyi, umnogo, умный",
        "city: city, gorod, goroda, город",
        "robotics: robotics, robototekhnika, robototekhniki, робототехника",
        "cybernetics: cybernetics, kibernetika, kibernetiki, кибернетика",
        "carbon: carbon, uglerod, uglerodnye, углерод",
        "superhard: superhard, sverkhtverdykh, сверхтвёрдый",
        "problems: problems, problem, problemy, проблемы",
        "transmission: transmission, peredachi, передачи",
        "programming: programming, programmirovaniya, программирование",
        "software: software, programmnoe, программное",
        "analysis: analysis, analiza, analiz, анализ",
        "examination: examination, expertise, ekspertiza, ekspertizy, экспертиза",
        "supplier: supplier, suppliers, postavshchik, postavshchikov, поставщик",
        "parts: parts, spares, zapchasti, запчасти",
        "tracked: tracked, caterpillar, gusenichnykh, гусеничный",
        "tractor: tractor, tractors, tyagach, tyagachei, traktornyi, тягач",
        "wolf: wolf, volk, волк",
        "factoring: factoring, faktoring, факторинг",
        "resources: resources, resource, resursy, resurs, ресурсы, ресурс",
        "pharmaceutical: pharmaceutical, pharmaceuticals, farmatsevticheskaya, farmatsevticheskii, фармацевтический",
        "sme: sme, msb, мсб",
        "breeze: breeze, briz, бриз",
        "trust: trust, doverie, doveriya, доверие",
        "lng: lng, spg, спг",
        "club: club, klub, клуб",
        "football: football, futbol, futbolnyi, футбол, футбольный",
        "switching: switching, kommutatsionnoi, коммутационный",
        "cartridge: cartridge, ammunition, patronnyi, патронный",
        "vehicle: vehicle, vehicles",
        "hydrographic: hydrographic, gidrograficheskoe, гидрографическое",
        "assault: assault, shturmovaya, штурмовая",
        "sabotage: sabotage, diversionnaya, диверсионная",
        "legion: legion, legiya",
        "advanced: advanced, forward, peredovye, передовые",
        "modern: modern, contemporary, sovremennyi, современный",
        "shippingcompany: steamship, shippingcompany, parokhodstvo, пароходство",
        "bridge: bridge, most, мост",
        "warfare: warfare, struggle, borba, borby, борьба",
        "dolphin: dolphin, delfin, дельфин",
        "independence: independence, nezavisimost, независимость",
        "victory: victory, pobeda, победа",
        "carrier: carrier, perevozchik, перевозчик",
        "reserve: reserve, reserves, rezerv, резерв",
        "nonferrous: nonferrous, tsvetnykh, цветных",
        "metallurgicalplant: metzavod",
        "electromechanical: electromechanical, electromechanics, elektromekhanicheskii, elektromekhaniki, elektromekhanika, электромеханический, электромеханика",
        "radioelectronic: radioelectronics, radioelektronika",
        "microelectronics: microelectronics, mikroelektronika, микроэлектроника",
        "telecommunications: telecommunications, telekommunikatsii, телекоммуникации",
        "microsystems: microsystems, mikrosistemy, микросистемы",
        "hydroacoustic: hydroacoustic, gidroakusticheskii",
        "thermal: thermal, teplovoi, тепловой",
        "heat: heat, teplo, тепло",
        "water: water, vodnyi, voda, вода",
        "consulting: consulting, consultancy, konsalting, konsaltingovaya, консалтинг, консалтинговая",
        "retail: retail, riteil, roznichnaya, roznichnyi, ритейл, розничная",
        "logistics: logistics, logistic, logistika, логистика",
        "clear: clear, chistye, chistaya, чистые",
    ];

    private static readonly Lazy<(FrozenDictionary<string, int> ByStem, string[] Initials)> Table = new(Build);

    // Each concept's words as Latin skeletons, for syllable words that take a syllable of a translation.
    private static readonly Lazy<string[][]> Spellings = new(() =>
    [
        [],
        .. Parse().Select(concept => concept.Words
            .Select(word => NameNormalizer.NormalizeToken(word).Skeleton)
            .Where(skeleton => skeleton.Length > 0 && skeleton.All(char.IsAsciiLetter))
            .Distinct(StringComparer.Ordinal)
            .ToArray()),
    ]);

    // Beginnings (three letters or more) of the vocabulary's stems: a word can only be the first half of a compound
    // of the vocabulary (MACHINE of MACHINEBUILDING) if it is one of them.
    private static readonly Lazy<FrozenSet<string>> Heads = new(() => Table.Value.ByStem.Keys
        .SelectMany(stem => Enumerable.Range(3, Math.Max(0, stem.Length - 5)).Select(length => stem[..length]))
        .ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Whether a skeleton may begin a word of the vocabulary written as two (MACHINE BUILDING).</summary>
    internal static bool MayBeginCompound(string skeleton) => Heads.Value.Contains(skeleton);

    /// <summary>
    /// The concept of the word of the vocabulary that two words (skeletons) write together (MACHINE BUILDING:
    /// MACHINEBUILDING), or 0. Most pairs are refused by the first word before anything is joined.
    /// </summary>
    internal static int OfCompound(string first, string second) =>
        first.Length >= 3 && second.Length >= 3 && char.IsAsciiLetter(second[0]) && MayBeginCompound(first)
            ? Of(NameNormalizer.Stem(first + second))
            : 0;

    /// <summary>The concept of a token skeleton's stem, or 0 when the word is not in the vocabulary.</summary>
    public static int Of(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        return Table.Value.ByStem.TryGetValue(stem, out var concept) ? concept : 0;
    }

    /// <summary>
    /// The first letters (of skeletons) of a concept's words in either language: an abbreviation may take any of them
    /// (VOMZ is VOLOGDA OPTICAL AND MECHANICAL PLANT: Z for ZAVOD).
    /// </summary>
    public static string InitialsOf(int concept) => concept > 0 && concept < Table.Value.Initials.Length ? Table.Value.Initials[concept] : string.Empty;

    /// <summary>
    /// A concept's words in either language as Latin skeletons: a syllable word may take the beginning of any of them
    /// (KURGANMASHZAVOD is KURGANSKY MASHINOSTROITELNY FACTORY: ZAVOD for FACTORY).
    /// </summary>
    internal static string[] SpellingsOf(int concept) => concept > 0 && concept < Spellings.Value.Length ? Spellings.Value[concept] : [];

    /// <summary>
    /// Whether a concept's words are all abbreviations themselves (RAN, RAS: the academy of sciences), so that a word of
    /// it may still be read as the initials of the words it stands for (ROSSIISKOI AKADEMII NAUK).
    /// </summary>
    internal static bool IsAbbreviation(int concept) => concept > 0 && concept < Spellings.Value.Length &&
        Array.TrueForAll(Spellings.Value[concept], spelling => spelling.Length <= Acronyms.MinLetters);

    private static (FrozenDictionary<string, int>, string[]) Build()
    {
        // Concept 0 is "none": concepts are numbered from 1 in the order of the lines.
        var byStem = new Dictionary<string, int>(StringComparer.Ordinal);
        var initials = new List<string> { string.Empty };
        foreach (var (_, words) in Parse())
        {
            var concept = initials.Count;
            var letters = new SortedSet<char>();
            foreach (var word in words)
            {
                var stem = StemOf(word);
                letters.Add(stem[0]);
                // A stem claimed by two concepts would join unrelated words: the first claim stands (tested).
                byStem.TryAdd(stem, concept);
            }

            initials.Add(string.Concat(letters));
        }

        return (byStem.ToFrozenDictionary(StringComparer.Ordinal), [.. initials]);
    }

    private static IEnumerable<(string Key, string[] Words)> Parse()
    {
        foreach (var line in Lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            yield return (line[..colon], line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
    }

    private static string StemOf(string word) => NameNormalizer.Stem(NameNormalizer.NormalizeToken(word).Skeleton);

    /// <summary>Every (concept, word) of the vocabulary, for its own tests.</summary>
    internal static IEnumerable<(string Concept, string Word)> Entries() =>
        Parse().SelectMany(concept => concept.Words.Select(word => (concept.Key, word)));

    /// <summary>Words whose stem is already claimed by an earlier concept (for the vocabulary's own test).</summary>
    internal static IEnumerable<string> Collisions()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, word) in Entries())
        {
            var stem = StemOf(word);
            if (owners.TryGetValue(stem, out var owner) && owner != key)
            {
                yield return $"{word} ({key}) has the stem {stem} of {owner}";
            }

            owners.TryAdd(stem, key);
        }
    }
}
