/// Libya's 22 districts (mantikas, shabiyat) and its 100 baladiyas (municipalities) as humanitarian
/// data counts them, plus eleven towns the desk already used that are not baladiyas of their own.
///
/// Sources (see docs/gazetteer.md):
/// - Districts and their P-codes: OCHA, "Libya - Subnational Administrative Boundaries" (COD-AB),
///   https://data.humdata.org/dataset/cod-ab-lby, version 01: UNITAR-UNOSAT with the Libyan
///   Bureau of Statistics and Census, files `lby_adm_unosat_lbsc_20180507` (valid from 2018-05-07;
///   HDX metadata reviewed 2024-12-19). Its ADM1 is the three regions (LY01 East, LY02 West,
///   LY03 South); its ADM2 is the 22 mantikas, LY0101-LY0322.
/// - Baladiyas and their P-codes: OCHA Libya's operational list of 100 baladiyas (the COD's
///   admin-3 level, LYrrmmbb: region, mantika, baladiya), as used by the HNO population tables
///   (https://data.humdata.org/dataset/d3b4d8cf-a9db-48d5-afe3-065011ab5ab2, 2021) and IOM DTM
///   Libya. Transcribed from a public copy of that list (AIArmada/commerce,
///   packages/addressing/resources/geography/libya-address-areas.csv), with 47 of the codes checked
///   against a second copy (jdn63/CARA-libya, scripts/refresh_population.py).
/// - Arabic names of the baladiyas: REACH Initiative's Libya JMMI KoBo list (iyedg-REACH/quiveR,
///   data-raw/lby_pcodes_kobo.csv), which lists the same 100 baladiyas in the same order.
///
/// An existing id never changes. Entries that are not baladiyas in the source (towns inside one)
/// carry a Qanat code `QN-<district P-code>-<id>`. Coordinates are approximate centres; enough to
/// place an incident on a map, not to navigate by.
enum LibyaGazetteerData {
    private static func district(
        _ id: String, _ code: String, _ en: String, _ ar: String, _ lat: Double, _ lon: Double, _ other: [String] = []
    ) -> Area {
        Area(
            id: "district." + id, code: code, kind: .district, nameArabic: ar, nameEnglish: en + " District",
            otherNames: other, district: nil, latitude: lat, longitude: lon)
    }

    private static func town(
        _ id: String, _ code: String, _ district: String, _ en: String, _ ar: String, _ lat: Double, _ lon: Double,
        _ other: [String] = []
    ) -> Area {
        Area(
            id: id, code: code, kind: .municipality, nameArabic: ar, nameEnglish: en, otherNames: other,
            district: "district." + district, latitude: lat, longitude: lon)
    }

    static let districts: [Area] = [
        district("tripoli", "LY0211", "Tripoli", "شعبية طرابلس", 32.89, 13.19),
        district("jafara", "LY0212", "Jafara", "شعبية الجفارة", 32.53, 13.02, ["الجفارة", "Jifara", "Aljfara"]),
        district("zawiya", "LY0213", "Zawiya", "شعبية الزاوية", 32.76, 12.73),
        district(
            "nuqat-al-khams", "LY0215", "Nuqat al Khams", "شعبية النقاط الخمس", 32.93, 12.08,
            ["النقاط الخمس", "Nuqat al-Khams"]),
        district(
            "jabal-al-gharbi", "LY0216", "Jabal al Gharbi", "شعبية الجبل الغربي", 32.17, 13.02,
            ["الجبل الغربي", "Nafusa Mountains", "Western Mountain", "Al Jabal Al Gharbi"]),
        district("nalut", "LY0209", "Nalut", "شعبية نالوت", 31.87, 10.98),
        district("murqub", "LY0210", "Murqub", "شعبية المرقب", 32.65, 14.26, ["المرقب", "Margeb"]),
        district("misrata", "LY0214", "Misrata", "شعبية مصراتة", 32.38, 15.09),
        district("sirte", "LY0208", "Sirte", "شعبية سرت", 31.21, 16.59),
        district("jufra", "LY0317", "Jufra", "شعبية الجفرة", 29.12, 15.95, ["الجفرة"]),
        district(
            "wadi-al-shatii", "LY0318", "Wadi al Shatii", "شعبية وادي الشاطئ", 27.55, 14.27,
            ["وادي الشاطئ", "Wadi al-Shati", "Wadi Ashshati"]),
        district("sabha", "LY0319", "Sabha", "شعبية سبها", 27.04, 14.43),
        district(
            "wadi-al-hayaa", "LY0320", "Wadi al Hayaa", "شعبية وادي الحياة", 26.59, 12.78,
            ["وادي الحياة", "Wadi al-Hayat"]),
        district("ghat", "LY0321", "Ghat", "شعبية غات", 24.96, 10.18),
        district("murzuq", "LY0322", "Murzuq", "شعبية مرزق", 25.92, 13.92),
        district("kufra", "LY0107", "Kufra", "شعبية الكفرة", 24.18, 23.31),
        district("al-wahat", "LY0105", "Al Wahat", "شعبية الواحات", 29.03, 21.55, ["الواحات", "Oases"]),
        district("benghazi", "LY0103", "Benghazi", "شعبية بنغازي", 32.12, 20.07),
        district("marj", "LY0102", "Marj", "شعبية المرج", 32.49, 20.83),
        district(
            "jabal-al-akhdar", "LY0106", "Jabal al Akhdar", "شعبية الجبل الأخضر", 32.76, 21.76,
            ["الجبل الأخضر", "Green Mountain", "Al Jabal Al Akhdar"]),
        district("derna", "LY0101", "Derna", "شعبية درنة", 32.76, 22.64),
        district("butnan", "LY0104", "Butnan", "شعبية البطنان", 32.08, 23.96, ["البطنان"]),
    ]

    /// Grouped by district, each group in P-code order, then the district's towns that are not
    /// baladiyas (Qanat codes).
    static let municipalities: [Area] = [
        // Tripoli, LY0211: 6 baladiyas.
        town(
            "souq-al-jumaa", "LY021101", "tripoli", "Souq al Jumaa", "سوق الجمعة", 32.90, 13.25,
            ["Suq al Jumaa", "Souk Aljumaa", "Suq Aljumaa"]),
        town("tajoura", "LY021102", "tripoli", "Tajoura", "تاجوراء", 32.88, 13.35, ["Tajura", "Tajourah"]),
        town("ain-zara", "LY021103", "tripoli", "Ain Zara", "عين زارة", 32.80, 13.25, ["Ain Zarah"]),
        town(
            "tripoli-centre", "LY021104", "tripoli", "Tripoli Centre", "طرابلس المركز", 32.89, 13.18,
            ["Tripoli", "Tarabulus", "Trablus", "Tripoli Center", "طرابلس", "طرابلس المركزية"]),
        town(
            "abu-salim", "LY021105", "tripoli", "Abu Salim", "أبو سليم", 32.85, 13.17,
            ["Abusleem", "Abu Sleem", "Abusliem", "Abu Slim"]),
        town("hay-al-andalus", "LY021106", "tripoli", "Hay al Andalus", "حي الأندلس", 32.87, 13.12, ["Hai Alandalus"]),

        // Jafara, LY0212: 9 baladiyas.
        town(
            "sidi-as-sayeh", "LY021201", "jafara", "Sidi as Sayeh", "سيدي السايح", 32.58, 13.30,
            ["Sidi Assayeh", "Sidi Alsayeh", "Sidi Es Sayeh"]),
        town(
            "suq-al-khamis", "LY021202", "jafara", "Suq al Khamis", "سوق الخميس", 32.56, 13.08,
            ["Suq Alkhamees", "Souq al Khamis", "Souq Al Khamees"]),
        town(
            "qasr-bin-ghashir", "LY021203", "jafara", "Qasr bin Ghashir", "قصر بن غشير", 32.69, 13.18,
            ["Qasr Ben Ghashir", "Qasr Bin Ghasheer", "Gasr Bin Ghashir"]),
        town(
            "as-sbeaa", "LY021204", "jafara", "As Sbeaa", "السبيعة", 32.63, 13.25,
            ["Espeaa", "Sbeaa", "Esbeaa", "Espiaa", "اسبيعة"]),
        town(
            "swani", "LY021205", "jafara", "As Swani", "السواني", 32.70, 13.10,
            ["Swani", "Al Swani", "Swani Bin Adam", "Sawani bin Adam", "سواني بن آدم"]),
        town("janzour", "LY021206", "jafara", "Janzour", "جنزور", 32.82, 13.01, ["Janzur", "Janzoor"]),
        town("aziziya", "LY021207", "jafara", "Al Aziziya", "العزيزية", 32.53, 13.02, ["Aziziyah", "Al-Aziziyah"]),
        town("al-maya", "LY021208", "jafara", "Al Maya", "الماية", 32.78, 12.86, ["Maya", "Al Mayah"]),
        town("az-zahra", "LY021209", "jafara", "Az Zahra", "الزهراء", 32.70, 12.90, ["Azzahra", "Al Zahra"]),

        // Zawiya, LY0213: 4 baladiyas.
        town(
            "zawiya", "LY021301", "zawiya", "Zawiya", "الزاوية", 32.76, 12.73,
            ["Az Zawiyah", "Zawia", "Zawiyah", "Azzawya", "Zawiya Centre", "الزاوية المركز"]),
        town("surman", "LY021302", "zawiya", "Surman", "صرمان", 32.76, 12.57, ["Sorman", "Sorman"]),
        town(
            "gharb-az-zawiya", "LY021303", "zawiya", "Gharb az Zawiya", "غرب الزاوية", 32.75, 12.62,
            ["Gharb Azzawya", "West Zawiya", "Zawiya West", "الزاوية الغربية"]),
        town(
            "janoub-az-zawiya", "LY021304", "zawiya", "Janoub az Zawiya", "جنوب الزاوية", 32.65, 12.73,
            ["Janoub Azzawya", "South Zawiya", "Zawiya South", "الزاوية جنوب", "الزاوية الجنوبية"]),

        // Nuqat al Khams (COD: Zwara), LY0215: 6 baladiyas.
        town(
            "ajaylat", "LY021501", "nuqat-al-khams", "Al Ajaylat", "العجيلات", 32.76, 12.38, ["Ajailat", "Al-Ajailat"]),
        town("sabratha", "LY021502", "nuqat-al-khams", "Sabratha", "صبراتة", 32.79, 12.48, ["Sabrata", "Sabratah"]),
        town("zuwara", "LY021503", "nuqat-al-khams", "Zuwara", "زوارة", 32.93, 12.08, ["Zuara", "Zuwarah", "Zwara"]),
        town(
            "al-jmail", "LY021504", "nuqat-al-khams", "Al Jmail", "الجميل", 32.85, 12.06,
            ["Jmail", "Al Jumayl", "Aljmail"]),
        town(
            "regdaleen", "LY021505", "nuqat-al-khams", "Regdaleen", "رقدالين", 32.88, 11.87,
            ["Raqdalin", "Rigdalin", "Rigdaleen", "Riqdalin"]),
        town("zaltan", "LY021506", "nuqat-al-khams", "Zaltan", "زلطن", 32.95, 11.86, ["Zelten", "Ziltun"]),

        // Jabal al Gharbi, LY0216: 14 baladiyas, and Mizda.
        town("nesma", "LY021601", "jabal-al-gharbi", "Nesma", "نسمة", 31.70, 13.30, ["Nisma", "Nesmah"]),
        town(
            "zintan", "LY021602", "jabal-al-gharbi", "Zintan", "الزنتان", 31.93, 12.25,
            ["Az Zintan", "Zentan", "Azzintan"]),
        town(
            "al-asabaa", "LY021603", "jabal-al-gharbi", "Al Asabaa", "الأصابعة", 32.05, 12.75,
            ["Alasabaa", "Al Asabia", "Asabiya"]),
        town("al-qalaa", "LY021604", "jabal-al-gharbi", "Al Qalaa", "القلعة", 32.00, 12.40, ["Al Qal'a", "Kalaa"]),
        town("yafran", "LY021605", "jabal-al-gharbi", "Yafran", "يفرن", 32.06, 12.53, ["Yefren", "Yafrin"]),
        town("gharyan", "LY021606", "jabal-al-gharbi", "Gharyan", "غريان", 32.17, 13.02, ["Gharian", "Ghiryan"]),
        town("kikla", "LY021607", "jabal-al-gharbi", "Kikla", "ككلة", 31.98, 12.70, ["Kikkla", "Kiklah"]),
        town(
            "rujban", "LY021608", "jabal-al-gharbi", "Rujban", "الرجبان", 31.95, 12.15,
            ["Arrajban", "Rajban", "Ar Rujban"]),
        town("jadu", "LY021609", "jabal-al-gharbi", "Jadu", "جادو", 31.95, 12.02, ["Jado"]),
        town(
            "ar-rahibat", "LY021610", "jabal-al-gharbi", "Ar Rahibat", "الرحيبات", 31.87, 11.87,
            ["Arrhaibat", "Rahibat", "Rehibat", "Ruhaybat"]),
        town(
            "ar-riyayna", "LY021611", "jabal-al-gharbi", "Ar Riyayna", "الرياينة", 31.98, 12.30,
            ["Arrayayna", "Rayayna", "Riyayna", "Al Rayayna"]),
        town(
            "ash-shgega", "LY021612", "jabal-al-gharbi", "Ash Shgega", "الشقيقة", 31.55, 12.25,
            ["Ashshgega", "Shgega", "Ash Shaqiqah", "Shakika"]),
        town(
            "ash-shwayrif", "LY021613", "jabal-al-gharbi", "Ash Shwayrif", "الشويرف", 29.99, 14.26,
            ["Ashshwayrif", "Shwayrif", "Shwerif", "الشويريف"]),
        town(
            "thaher-al-jabal", "LY021614", "jabal-al-gharbi", "Thaher al Jabal", "ظاهر الجبل", 31.95, 11.95,
            ["Thaher Aljabal", "Dhahir al Jabal", "Daher al Jabal"]),
        town("mizda", "QN-LY0216-mizda", "jabal-al-gharbi", "Mizda", "مزدة", 31.45, 12.98, ["Mizdah"]),

        // Nalut, LY0209: 8 baladiyas.
        town("ghadames", "LY020901", "nalut", "Ghadames", "غدامس", 30.13, 9.50, ["Ghadamis", "Ghadamès"]),
        town("al-haraba", "LY020902", "nalut", "Al Haraba", "الحرابة", 31.85, 11.65, ["Alharaba", "Hrabah"]),
        town("kabaw", "LY020903", "nalut", "Kabaw", "كاباو", 31.88, 11.27, ["Kabao", "Cabao"]),
        town("al-hawamid", "LY020904", "nalut", "Al Hawamid", "الحوامد", 31.65, 10.75, ["Alhawamid"]),
        town("nalut", "LY020905", "nalut", "Nalut", "نالوت", 31.87, 10.98, ["Nalout"]),
        town("wazin", "LY020906", "nalut", "Wazin", "وازن", 31.96, 10.72, ["Wazen", "Wazzin"]),
        town("derj", "LY020907", "nalut", "Derj", "درج", 30.15, 10.45, ["Daraj", "Dirj"]),
        town(
            "baten-al-jabal", "LY020908", "nalut", "Baten al Jabal", "باطن الجبل", 32.00, 11.40,
            ["Baten Aljabal", "Batin al Jabal"]),

        // Murqub (COD: Almargeb), LY0210: 5 baladiyas.
        town(
            "khoms", "LY021001", "murqub", "Al Khums", "الخمس", 32.65, 14.26, ["Khoms", "Homs", "Al-Khums", "Alkhums"]),
        town("msallata", "LY021002", "murqub", "Msallata", "مسلاتة", 32.62, 14.00, ["Misallata", "Msalata"]),
        town(
            "qasr-al-akhyar", "LY021003", "murqub", "Qasr al Akhyar", "قصر الأخيار", 32.79, 13.86,
            ["Qasr Akhyar", "Qasr Khiar", "Gasr Khiar", "قصر خيار"]),
        town(
            "garabulli", "LY021004", "murqub", "Garabulli", "القره بوللي", 32.76, 13.72,
            ["Al Qarabulli", "Castelverde", "Garabolli", "القره بولي"]),
        town("tarhuna", "LY021005", "murqub", "Tarhuna", "ترهونة", 32.43, 13.63, ["Tarhunah", "Tarhouna"]),

        // Misrata, LY0214: 4 baladiyas, and Tawergha.
        town("misrata", "LY021401", "misrata", "Misrata", "مصراتة", 32.38, 15.09, ["Misurata", "Misratah", "Misrati"]),
        town("zliten", "LY021402", "misrata", "Zliten", "زليتن", 32.47, 14.57, ["Zlitan", "Zlitin"]),
        town(
            "abu-qurayn", "LY021403", "misrata", "Abu Qurayn", "أبو قرين", 31.45, 15.25,
            ["Abu Grein", "Abugrein", "Abu Qurain", "Abu Gurayn"]),
        town(
            "bani-walid", "LY021404", "misrata", "Bani Walid", "بني وليد", 31.76, 13.98, ["Beni Walid", "Bani Waleed"]),
        town(
            "tawergha", "QN-LY0214-tawergha", "misrata", "Tawergha", "تاورغاء", 32.03, 15.11, ["Tawargha", "Tawurgha"]),

        // Sirte (COD: Sirt), LY0208: 3 baladiyas, and Bin Jawad.
        town(
            "khaleej-al-sidra", "LY020801", "sirte", "Khaleej al Sidra", "خليج السدرة", 30.60, 18.40,
            ["Khaleej Assidra", "Khalij as Sidra", "Gulf of Sidra", "Sidra Gulf"]),
        town("harawa", "LY020802", "sirte", "Harawa", "هراوة", 31.10, 17.00, ["Hrawa", "Harawah"]),
        town("sirte", "LY020803", "sirte", "Sirte", "سرت", 31.21, 16.59, ["Surt", "Sirt", "Syrte"]),
        town(
            "bin-jawad", "QN-LY0208-bin-jawad", "sirte", "Bin Jawad", "بن جواد", 30.81, 18.08,
            ["Ben Jawad", "Bin Jawwad"]),

        // Jufra, LY0317: 1 baladiya (the whole district), and its towns Hun, Waddan and Sokna.
        // The baladiya's Arabic name keeps its word بلدية: plain الجفرة stays the district's.
        town(
            "al-jufra", "LY031701", "jufra", "Al Jufra", "بلدية الجفرة", 29.10, 15.90,
            ["Aljufra", "Al Jufrah", "Jufra Municipality"]),
        town("hun", "QN-LY0317-hun", "jufra", "Hun", "هون", 29.12, 15.95, ["Houn", "Hoon"]),
        town("waddan", "QN-LY0317-waddan", "jufra", "Waddan", "ودان", 29.16, 16.14, ["Wadan", "Uaddan"]),
        town("sokna", "QN-LY0317-sokna", "jufra", "Sokna", "سوكنة", 29.07, 15.79, ["Sawknah", "Socna"]),

        // Wadi al Shatii (COD: Wadi Ashshati), LY0318: 3 baladiyas.
        town(
            "brak", "LY031801", "wadi-al-shatii", "Brak", "براك", 27.55, 14.27,
            ["Brak al Shati", "Birak", "براك الشاطئ"]),
        town(
            "idri", "LY031802", "wadi-al-shatii", "Idri", "إدري", 27.45, 13.05,
            ["Edri", "Idiri", "Edri al Shati", "إدري الشاطئ"]),
        town(
            "al-qurdha", "LY031803", "wadi-al-shatii", "Al Qurdha al Shati", "القرضة الشاطئ", 27.55, 14.00,
            ["Algurdha Ashshati", "Al Gurdha", "Qurdha", "Al Qirdah", "القرضة"]),

        // Sabha (COD: Sebha), LY0319: 2 baladiyas.
        town("sabha", "LY031901", "sabha", "Sabha", "سبها", 27.04, 14.43, ["Sebha", "Sebhah"]),
        town(
            "al-bawanis", "LY031902", "sabha", "Al Bawanis", "البوانيس", 27.25, 14.55,
            ["Albawanees", "Bawanees", "Wadi al Bawanis", "وادي البوانيس"]),

        // Wadi al Hayaa (COD: Ubari), LY0320: 3 baladiyas, and Germa.
        town(
            "bint-bayya", "LY032001", "wadi-al-hayaa", "Bint Bayya", "بنت بية", 26.60, 12.55,
            ["Bent Bayya", "Bint Bayyah", "Bent Bayeh"]),
        town(
            "al-ghurayfa", "LY032002", "wadi-al-hayaa", "Al Ghurayfa", "الغريفة", 26.60, 13.25,
            ["Alghrayfa", "Ghurayfah"]),
        town("ubari", "LY032003", "wadi-al-hayaa", "Ubari", "أوباري", 26.59, 12.78, ["Awbari", "Obari"]),
        town("germa", "QN-LY0320-germa", "wadi-al-hayaa", "Germa", "جرمة", 26.55, 13.07, ["Jarma", "Garama"]),

        // Ghat, LY0321: 1 baladiya.
        town("ghat", "LY032101", "ghat", "Ghat", "غات", 24.96, 10.18, ["Rhat"]),

        // Murzuq, LY0322: 5 baladiyas, and Umm al Aranib.
        town(
            "ash-sharqiya", "LY032201", "murzuq", "Ash Sharqiya", "الشرقية", 26.15, 15.10,
            ["Alsharguiya", "Sharqiya", "Eshargia", "Al Sharqiyah"]),
        town("qatrun", "LY032202", "murzuq", "Al Qatrun", "القطرون", 24.93, 14.64, ["Qatrun", "Gatroun", "Algatroun"]),
        town("traghan", "LY032203", "murzuq", "Traghan", "تراغن", 25.93, 14.43, ["Taraghin", "Traghen", "Tragan"]),
        town("murzuq", "LY032204", "murzuq", "Murzuq", "مرزق", 25.92, 13.92, ["Marzuq", "Murzuk", "Mourzouk"]),
        town(
            "wadi-utba", "LY032205", "murzuq", "Wadi Utba", "وادي عتبة", 25.50, 14.30,
            ["Wadi Etba", "Wadi Atba", "Wadi Utbah"]),
        town(
            "umm-al-aranib", "QN-LY0322-umm-al-aranib", "murzuq", "Umm al Aranib", "أم الأرانب", 26.13, 14.76,
            ["Um Al Aranib"]),

        // Kufra (COD: Alkufra), LY0107: 2 baladiyas.
        town(
            "kufra", "LY010701", "kufra", "Kufra", "الكفرة", 24.18, 23.31, ["Al Kufrah", "Cufra", "Kufrah", "Alkufra"]),
        town("tazirbu", "LY010702", "kufra", "Tazirbu", "تازربو", 25.66, 21.06, ["Tazerbo", "Tazirbo"]),

        // Al Wahat (COD: Ejdabia), LY0105: 6 baladiyas.
        town(
            "jikharra", "LY010501", "al-wahat", "Jikharra", "إجخرة", 29.25, 21.50,
            ["Ejkherra", "Jakharrah", "Ikhkharrah"]),
        town("jalu", "LY010502", "al-wahat", "Jalu", "جالو", 29.03, 21.55, ["Jalo", "Gialo"]),
        town(
            "awjila", "LY010503", "al-wahat", "Awjila", "أوجلة", 29.11, 21.29,
            ["Aujila", "Augila", "Aujala", "Awjilah"]),
        town(
            "ajdabiya", "LY010504", "al-wahat", "Ajdabiya", "أجدابيا", 30.76, 20.23,
            ["Ajdabiyah", "Agedabia", "Ajdabia", "Ejdabia"]),
        town("marada", "LY010505", "al-wahat", "Marada", "مرادة", 29.23, 19.21, ["Maradah"]),
        town(
            "brega", "LY010506", "al-wahat", "Brega", "البريقة", 30.41, 19.57,
            ["Marsa al Brega", "Al Burayqah", "Albrayga"]),

        // Benghazi, LY0103: 5 baladiyas (Al Abyar and Tocra are here in the source, not in Marj).
        town(
            "al-abyar", "LY010301", "benghazi", "Al Abyar", "الأبيار", 32.19, 20.60, ["Abyar", "El Abiar", "Alabyar"]),
        town(
            "tocra", "LY010302", "benghazi", "Tocra", "توكرة", 32.53, 20.58, ["Tukrah", "Tukra", "Teuchira", "Toukra"]),
        town("suluq", "LY010303", "benghazi", "Suluq", "سلوق", 31.67, 20.25, ["Soluch", "Sulug", "Suloug"]),
        town(
            "benghazi", "LY010304", "benghazi", "Benghazi", "بنغازي", 32.12, 20.07,
            ["Bengasi", "Banghazi", "Bingazi", "Benghazy"]),
        town(
            "gemines", "LY010305", "benghazi", "Gemines", "قمينس", 31.67, 20.02,
            ["Qaminis", "Guemines", "Gemienis", "قمينيس"]),

        // Marj (COD: Almarj), LY0102: 3 baladiyas.
        town(
            "jardas-al-abid", "LY010201", "marj", "Jardas al Abid", "جردس العبيد", 32.30, 21.10,
            ["Jardas Alabeed", "Jardas al Abeed"]),
        town("marj", "LY010202", "marj", "Al Marj", "المرج", 32.49, 20.83, ["Marj", "Barce", "El Marj", "Almarj"]),
        town("as-sahel", "LY010203", "marj", "As Sahel", "الساحل", 32.70, 20.95, ["Assahel", "Al Sahel"]),

        // Jabal al Akhdar, LY0106: 2 baladiyas, and Susa.
        town("shahat", "LY010601", "jabal-al-akhdar", "Shahhat", "شحات", 32.82, 21.86, ["Shahat", "Cyrene"]),
        town(
            "al-bayda", "LY010602", "jabal-al-akhdar", "Al Bayda", "البيضاء", 32.76, 21.76,
            ["Bayda", "Beida", "El Beida", "Albayda"]),
        town(
            "susa", "QN-LY0106-susa", "jabal-al-akhdar", "Susa", "سوسة", 32.90, 21.96,
            ["Sousse", "Apollonia", "Marsa Susa"]),

        // Derna, LY0101: 5 baladiyas (Al Qubbah is here in the source, not in Jabal al Akhdar).
        town(
            "umm-ar-rizam", "LY010101", "derna", "Umm ar Rizam", "أم الرزم", 32.53, 23.00,
            ["Umm Arrazam", "Um Arrazam", "Umm al Rizam"]),
        town("derna", "LY010102", "derna", "Derna", "درنة", 32.76, 22.64, ["Darnah", "Dernah", "Darna"]),
        town("al-qubbah", "LY010103", "derna", "Al Qubbah", "القبة", 32.76, 22.25, ["Qubbah", "Gubba", "Alqubba"]),
        town("al-qayqab", "LY010104", "derna", "Al Qayqab", "القيقب", 32.55, 22.05, ["Alqayqab", "Gaigab", "Qayqab"]),
        town("al-abraq", "LY010105", "derna", "Al Abraq", "الأبرق", 32.79, 21.96, ["Labriq", "Labraq", "Abraq"]),

        // Butnan (COD: Tobruk), LY0104: 3 baladiyas, and Bardia and Jaghbub.
        town(
            "emsaed", "LY010401", "butnan", "Emsaed", "امساعد", 31.59, 25.05, ["Musaid", "Imsaad", "Amsaad", "Msaed"]),
        town(
            "bir-al-ashhab", "LY010402", "butnan", "Bir al Ashhab", "بئر الأشهب", 31.80, 24.20,
            ["Bir Alashhab", "Bir Ashhab"]),
        town("tobruk", "LY010403", "butnan", "Tobruk", "طبرق", 32.08, 23.96, ["Tobruq", "Tubruq", "Tubruk"]),
        town("bardia", "QN-LY0104-bardia", "butnan", "Bardia", "البردية", 31.76, 25.08, ["Bardiyah", "Al Bardi"]),
        town("jaghbub", "QN-LY0104-jaghbub", "butnan", "Al Jaghbub", "الجغبوب", 29.74, 24.52, ["Jaghbub", "Giarabub"]),
    ]
}
