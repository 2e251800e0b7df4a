import QanatCore

extension Severity: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .minor: ("minor", "طفيفة")
        case .moderate: ("moderate", "متوسطة")
        case .severe: ("severe", "شديدة")
        case .extreme: ("extreme", "قصوى")
        }
    }
}

extension IncidentStatus: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .reported: ("reported", "بلاغ")
        case .verified: ("verified", "مؤكدة")
        case .responding: ("responding", "استجابة")
        case .contained: ("contained", "محتواة")
        case .closed: ("closed", "مغلقة")
        }
    }
}

extension UnitStatus: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .available: ("available", "متاحة")
        case .assigned: ("assigned", "مكلفة")
        case .enRoute: ("en route", "في الطريق")
        case .onScene: ("on scene", "في الموقع")
        case .returning: ("returning", "عائدة")
        case .outOfService: ("out of service", "خارج الخدمة")
        }
    }
}

extension MessagePriority: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .routine: ("routine", "روتينية")
        case .priority: ("priority", "أولوية")
        case .immediate: ("immediate", "فورية")
        case .flash: ("FLASH", "عاجلة جدًا")
        }
    }
}

extension MessageChannel: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .radio: ("radio", "لاسلكي")
        case .phone: ("phone", "هاتف")
        case .sms: ("SMS", "رسالة نصية")
        case .email: ("email", "بريد")
        case .inPerson: ("in person", "حضوري")
        case .system: ("system", "النظام")
        }
    }
}

extension UnitKind: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .ambulance: ("ambulance", "إسعاف")
        case .fireEngine: ("fire engine", "إطفاء")
        case .rescue: ("rescue", "إنقاذ")
        case .waterRescue: ("water rescue", "إنقاذ مائي")
        case .search: ("search", "بحث")
        case .medicalTeam: ("medical team", "فريق طبي")
        case .police: ("police", "شرطة")
        case .logistics: ("logistics", "إمداد")
        case .shelter: ("shelter", "إيواء")
        case .assessment: ("assessment", "تقييم")
        case .command: ("command", "قيادة")
        case .other: ("other", "أخرى")
        }
    }
}

extension IncidentType: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .flashFlood: ("Flash flood", "سيول جارفة")
        case .riverFlood: ("River flood", "فيضان نهري")
        case .coastalFlood: ("Coastal flood", "فيضان ساحلي")
        case .damFailure: ("Dam failure", "انهيار سد")
        case .storm: ("Storm", "عاصفة")
        case .sandstorm: ("Sandstorm", "عاصفة رملية")
        case .heatwave: ("Heatwave", "موجة حر")
        case .earthquake: ("Earthquake", "زلزال")
        case .landslide: ("Landslide", "انزلاق أرضي")
        case .fire: ("Fire", "حريق")
        case .wildfire: ("Wildfire", "حريق غابات")
        case .hazardousMaterial: ("Hazardous material", "مواد خطرة")
        case .explosiveOrdnance: ("Explosive ordnance", "ذخائر غير منفجرة")
        case .displacedPopulations: ("Displaced people", "نازحون")
        case .migrantsAtSea: ("Migrants at sea", "مهاجرون في البحر")
        case .publicGathering: ("Public gathering", "تجمع عام")
        case .security: ("Security", "أمني")
        case .medical: ("Medical", "طبي")
        case .outbreak: ("Outbreak", "تفشي مرض")
        case .roadClosed: ("Road closed", "طريق مغلق")
        case .powerOutage: ("Power outage", "انقطاع الكهرباء")
        case .waterSupply: ("Water supply", "إمدادات المياه")
        case .telecomOutage: ("Telecom outage", "انقطاع الاتصالات")
        case .buildingCollapse: ("Building collapse", "انهيار مبنى")
        case .roadAccident: ("Road accident", "حادث مروري")
        case .other: ("Other", "أخرى")
        }
    }
}

extension Area {
    public func name(in language: Language) -> String { language == .ar ? nameArabic : nameEnglish }
}

extension Severity {
    var role: StyleRole {
        switch self {
        case .minor: .severityMinor
        case .moderate: .severityModerate
        case .severe: .severitySevere
        case .extreme: .severityExtreme
        }
    }
}

extension MessagePriority {
    var role: StyleRole {
        switch self {
        case .routine: .priorityRoutine
        case .priority: .priorityPriority
        case .immediate: .priorityImmediate
        case .flash: .priorityFlash
        }
    }
}

extension IncidentQuery.Order: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .severity: ("most severe first", "الأشد خطورة أولًا")
        case .newest: ("newest first", "الأحدث أولًا")
        case .status: ("by status", "حسب الحالة")
        case .area: ("by area", "حسب المنطقة")
        }
    }
}

extension Role: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .viewer: ("viewer", "مشاهد")
        case .operator: ("operator", "مشغّل")
        case .supervisor: ("supervisor", "مشرف")
        case .admin: ("admin", "مسؤول")
        }
    }
}

extension GuardedAction: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .closeIncident: (description, "إغلاق حادثة")
        case .registerAgency: (description, "تسجيل جهة أو تعليقها")
        case .controlExercise: (description, "بدء تمرين أو التحكم فيه")
        case .manageMembers: (description, "إدارة الأعضاء")
        case .changeSetting: (description, "تغيير إعداد المخزن")
        case .importData: (description, "استيراد ملف يتحدث باسم جهات عديدة")
        case .manageRisks: (description, "إضافة خطر إلى السجل أو تغييره")
        case .importAlert: (description, "استيراد تنبيه CAP")
        case .sealArchive: (description, "ختم أرشيف شهر")
        }
    }
}

extension Refusal: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .notMember(let user):
            (description, "المستخدم \(user) ليس عضواً في هذا المخزن: للقراءة فقط (يضيفه مسؤول بالأمر qanat member add)")
        case .viewerReadsOnly:
            (description, "دور المشاهد للقراءة فقط: اطلب دور المشغّل من مسؤول")
        case .otherAgency(let own, let acting):
            (description, "المشغّل يعمل باسم جهته (\(own)) لا باسم \(acting): المشرف يستطيع ذلك")
        case .needsRole(let role, let action):
            (description, "\(action.translations.ar) يتطلب دور \(role.translations.ar)")
        case .lastAdmin(let user):
            (description, "\(user) هو آخر مسؤول في المخزن: أضف مسؤولاً آخر أولاً")
        case .wrongPIN:
            (description, "رقم سري خاطئ")
        case .pinThrottled(let seconds):
            (description, "محاولات خاطئة كثيرة: حاول بعد \(seconds) ث")
        case .serviceAway(let service):
            (description, "خدمة المخزن (\(service)) متوقفة، وهي التي تتحقق من الرقم السري: تسجيل الدخول ينتظر تشغيلها")
        case .reportsAreTheServices:
            (
                description,
                "في مخزن الخدمة تسجّل الخدمة التقارير التي أعدّتها بنفسها (الخيار --out يطلبها منها)؛ لا يسجّلها سطر عضو"
            )
        case .noPINHeld(let officer):
            (
                description,
                "لا تحتفظ خدمة المخزن برقم سري لـ \(officer) (الرقم المحدد قبل الخدمة لاغٍ): يحدده مسؤول من جديد بالأمر qanat member add … --pin"
            )
        case .claimsOtherUser(let owner, let claimed):
            (description, "كتبه \(owner) ويدّعي أنه \(claimed)")
        }
    }
}

/// A refused field as the desk shows it, in the interface's language.
extension ValidationError: Translatable {
    /// What a value should have been, in Arabic; a phrase the table lacks stays as the check wrote it.
    static func arabic(expected: String) -> String {
        let fixed: [String: String] = [
            "a whole number": "عدد صحيح", "a date YYYY-MM-DD": "تاريخ بصيغة YYYY-MM-DD",
            "a day of the calendar": "يوم من أيام التقويم",
            "a UUID": "معرّف UUID",
            "an incident reference like INC-2026-0001 or INC-2026-TRP0001":
                "مرجع حادثة مثل INC-2026-0001 أو INC-2026-TRP0001",
            "an agency code (2-12 letters, digits or -)": "رمز جهة (من 2 إلى 12 حرفًا أو رقمًا أو -)",
            "a call sign (2-24 letters, digits, - _ /)": "رمز نداء (من 2 إلى 24 حرفًا أو رقمًا أو - _ /)",
            "a Unix user name": "اسم مستخدم يونكس", "4 to 12 digits": "من 4 إلى 12 رقمًا",
            "NAME;PHONE;RADIO": "الاسم;الهاتف;اللاسلكي",
            "a duration: 90, 90s, 2m, 1h30m": "مدة: 90 أو 90s أو 2m أو 1h30m",
            "a call sign no other unit has": "رمز نداء لا تحمله وحدة أخرى",
            "a key no other incident has": "مفتاح لا تحمله حادثة أخرى",
            "a site code (2-6 Latin letters, like BGZ)": "رمز موقع (من 2 إلى 6 أحرف لاتينية، مثل BGZ)",
            "an RFC 3339 time": "وقت بصيغة RFC 3339",
            "64 lower-case hex digits": "64 رقمًا ست عشريًا بأحرف صغيرة",
            "64 hex digits, after a session": "64 رقمًا ست عشريًا، بعد جلسة",
        ]
        if let arabic = fixed[expected] { return arabic }
        let idSuffix = " id, or its first 8 characters or more"
        if expected.hasPrefix("a "), expected.hasSuffix(idSuffix) {
            let what = String(expected.dropFirst(2).dropLast(idSuffix.count))
            return "معرّف \(arabic(what: what))، أو أول 8 محارف منه أو أكثر"
        }
        for (english, arabic) in [
            ("on or after the start, ", "في يوم البدء أو بعده، "), ("planned: it starts on ", "مخطط: يبدأ في "),
        ]
        where expected.hasPrefix(english) {
            return arabic
                + expected.dropFirst(english.count).replacingOccurrences(of: ", after today", with: "، بعد اليوم")
        }
        if expected.hasPrefix("today (") {
            return "اليوم أو بعده " + expected.dropFirst("today ".count).prefix { $0 != ")" } + ")"
        }
        return expected
    }

    public var translations: (en: String, ar: String) {
        (description, "\(field): " + arabicProblem)
    }

    /// What was not found, in Arabic; a name the table lacks stays as the check wrote it.
    static func arabic(what: String) -> String {
        let fixed: [String: String] = [
            "area in the gazetteer named": "منطقة في الدليل باسم", "area in the gazetteer for": "منطقة في الدليل لـ",
            "area with the P-code": "منطقة بالرمز", "district named": "مقاطعة باسم", "incident": "حادثة",
            "member": "عضو",
            "message": "رسالة", "organisation": "جهة", "risk": "خطر", "unit": "وحدة",
            "alert imported before, named by": "تنبيه مستورد من قبل باسم",
            "need": "احتياج", "activity": "نشاط", "pledge": "تعهّد",
        ]
        if let arabic = fixed[what] { return arabic }
        // `assignment to INC-2026-0001 for unit`
        if what.hasPrefix("assignment to "), what.hasSuffix(" for unit") {
            return "تكليف على \(what.dropFirst("assignment to ".count).dropLast(" for unit".count)) للوحدة"
        }
        return what
    }

    private var arabicProblem: String {
        switch problem {
        case .missing: return "مطلوب"
        case .empty: return "لا يجوز أن يكون فارغًا"
        case .tooLong(let maximum): return "أطول من \(maximum) حرفًا"
        case .notOneOf(let allowed):
            let hint = NearestName.suggest(value, among: allowed).map { "؛ هل تقصد '\($0)'؟" } ?? ""
            return "'\(value)' ليست من: \(allowed.joined(separator: "، "))\(hint)"
        case .malformed(let expected): return "'\(value)' بصيغة غير صحيحة (\(Self.arabic(expected: expected)))"
        case .unknown(let what): return "لا يوجد \(Self.arabic(what: what)) '\(value)'"
        case .transitionRefused(let from, let allowed):
            return
                "لا يمكن الانتقال من \(from) إلى \(value)؛ المسموح من \(from): \(allowed.isEmpty ? "لا شيء" : allowed.joined(separator: "، "))"
        case .outOfRange(let range): return "'\(value)' خارج المدى \(range.lowerBound)–\(range.upperBound)"
        case .exists(let what): return "'\(value)' موجود مسبقًا (\(what))"
        case .unavailable(let status, let incident):
            return "'\(value)' في حالة \(status)\(incident.map { " على \($0)" } ?? ""): لا تُكلَّف إلا وحدة متاحة أو عائدة"
        case .notAddressed(let to, let sender):
            let asked = to == ["*"] ? "كل الجهات عدا \(sender)" : to.joined(separator: "، ")
            return "الرسالة غير موجّهة إلى \(value)؛ هي موجّهة إلى \(asked)"
        case .ambiguous(let candidates): return "'\(value)' قد تعني: \(candidates.joined(separator: "، "))"
        case .noAcknowledgementAsked: return "لم تطلب الرسالة \(value) إقرارًا"
        case .unknownName(let what, let nearest):
            return "لا يوجد \(Self.arabic(what: what)) '\(value)'" + (nearest.map { "؛ هل تقصد '\($0)'؟" } ?? "")
        case .suspended: return "'\(value)' معلّقة: يعيد المشرف تفعيلها"
        case .notOpen(let status): return "'\(value)' حالتها \(status): لا تقبل إلا الاحتياجات المفتوحة"
        case .carriesStopPhrase: return "يجب ألا تحتوي الرسالة على عبارة الإيقاف '\(value)'، فهي تنهي التمرين"
        case .unitsCommitted(let units):
            return "لا تُغلق والوحدات مكلّفة بها (\(units.joined(separator: "، "))): أطلقها أولًا"
        }
    }
}

/// What each kind of event is, as an activity log (ICS 214) names it.
extension EventType: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .agencyRegistered: ("agency registered", "سُجّلت جهة")
        case .incidentOpened: ("incident opened", "فُتحت حادثة")
        case .incidentUpdated: ("incident updated", "حُدّثت حادثة")
        case .incidentStatusChanged: ("incident status changed", "تغيّرت حالة حادثة")
        case .unitRegistered: ("unit registered", "سُجّلت وحدة")
        case .unitStatusChanged: ("unit status changed", "تغيّرت حالة وحدة")
        case .unitAssigned: ("unit tasked", "كُلّفت وحدة")
        case .assignmentAcknowledged: ("tasking acknowledged", "أُقرّ التكليف")
        case .assignmentArrived: ("unit arrived", "وصلت وحدة")
        case .assignmentReleased: ("unit released", "أُطلقت وحدة")
        case .messagePosted: ("message posted", "أُرسلت رسالة")
        case .messageAcknowledged: ("message acknowledged", "أُقرّت رسالة")
        case .memberAdded: ("member added", "أُضيف عضو")
        case .memberRemoved: ("member removed", "أُزيل عضو")
        case .shiftSignedOn: ("signed on", "بدأ المناوبة")
        case .shiftSignedOff: ("signed off", "أنهى المناوبة")
        case .organisationRegistered: ("organisation registered", "سُجّلت منظمة")
        case .organisationUpdated: ("organisation updated", "حُدّثت منظمة")
        case .needReported: ("need reported", "أُبلغ عن احتياج")
        case .needUpdated: ("need updated", "حُدّث احتياج")
        case .activityRegistered: ("activity registered", "سُجّل نشاط")
        case .activityUpdated: ("activity updated", "حُدّث نشاط")
        case .pledgeMade: ("pledge made", "قُدّم تعهد")
        case .pledgeUpdated: ("pledge updated", "حُدّث تعهد")
        case .settingChanged: ("setting changed", "تغيّر إعداد")
        case .riskRegistered: ("risk registered", "سُجّل خطر")
        case .riskUpdated: ("risk updated", "حُدّث خطر")
        case .riskReviewed: ("risk reviewed", "رُوجع خطر")
        case .targetSet: ("response target set", "حُدّد هدف استجابة")
        case .reportWritten: ("report written to a file", "كُتب تقرير في ملف")
        case .exerciseStarted: ("exercise started", "بدأ تمرين")
        case .exerciseInject: ("exercise inject", "رسالة تمرينية")
        case .exerciseControl: ("exercise controlled", "تحكم في التمرين")
        }
    }
}
