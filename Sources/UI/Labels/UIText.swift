/// Interface strings. Column headers are short: boards must fit 80 columns.
public enum UIText: Hashable, Sendable {
    case appName, incidents, units, log
    case colReference, colSeverity, colStatus, colType, colTitle, colArea, colAge, colInStatus, colLead, colUnits
    case colCallSign, colCapabilities, colAgency, colKind, colSince, colIncident, colTime, colFrom, colPriority, colTo,
        colAcks, colMessage
    case live, busy, offline, serviceAway, waiting, unacknowledged, officer, libyaTime, hubCutOff, toSend
    case noOpenIncidents, noUnits, noMessages
    case timeline, assignedUnits, reportedBy, leadAgency, peopleAffected, place, openedAt, noTimeline
    case groupedByStatus, groupedByAgency
    case help, helpClose, keyHelp, keyQuit, keyMove, keyDetails, keyBack, keySearch, keyPalette, keyFirstRow
    case keyGroup, keyLanguage, keyFilterOpen
    case filterAll, filterUnacknowledged
    case eventOpened, eventUpdated, eventTasked, eventAcknowledged, eventArrived, eventReleased, eventRegistered,
        eventUnitChanged, statusArrow
    case tasked, arrived, released
    case formPostMessage, formOpenIncident, formIncidentStatus, formAssignUnit, formUnitStatus, formRegisterUnit,
        formEditUnit, formReviewRisk, noFocalPoint, openRiskCellFirst, fieldRisk, fieldNextReview, keyReviewRisk,
        fieldCapabilities, keyRegisterUnit, keyEditUnit, keptThenRefused, noAlert
    case fieldTo, fieldChannel, fieldSubject, fieldAcknowledgement, fieldNote, yes, no, formHint
    case keyPost, keyOpen, keyStatus, keyAssignOrAcknowledge, quitWithDraft
    case sent, keptInJournal, likelyDuplicate, acknowledged, nothingSelected, noFreeUnit, noUnitRegistered,
        noSuchIncident
    case formIncidentFilter, fieldOrder, fieldMinimumSeverity, keyFilter, keySort, filtered
    case openIncident, searchHint, paletteHint, noResults, searching
    case noLinkedIncident, noMatches, formLogFilter, fieldMinimumPriority, fieldAwaitingUs, keyLogFilter
    case readOnly
    case wallTitle, wallOpen, wallUnitsAvailable, wallUnitsCommitted, wallUnacknowledgedUrgent, wallLatestUrgent,
        wallNoUrgent
    case handoverTitle, sectionOpenIncidents, shiftLabel, notSignedOn, handedOver, sectionUnitsCommitted,
        sectionAwaiting, sectionShiftLog, none
    case draftsRestored, keyHandover, handoverHint, formSignOn, formSignOff, fieldPIN, signedOn, signedOff, wrongPIN
    case wallStale, wallStoreUnreadable, wallEvery, wallSeconds, wallLastChange, wallLocked, exercise
    case fieldFrom, msgTo, everyAgency, sectionAcknowledgements, awaitingAcknowledgement, noAcknowledgementAsked,
        messageKeys, keyReply
    case keyScroll, helpPages, keyFirstLast, keyTabDetail, wallPinned, wallStaleShort, alertOpen, keyOpenAlert,
        awaitingSignOn, handedOverBy, draftMarker, latestClosedFirst
    case coverageTitle, colDistrict, colSector, colNeeded, colCovered, colOrganisations, colFlags, coverageSummary,
        noCoverage
    case coverage, keyMoveSector, keyCoverageFilter, formCoverageFilter, sectionNeeds, sectionActivities, sectionPledges
    case sectionOrganisations, phone, radio, duplicatedWith, reportedAgo, reachedOf, pledgedBy, wallCoverageTitle
    case formRegisterActivity, keyRegisterActivity, fieldOrganisation, fieldImplementer, fieldWhat, fieldStart, fieldEnd
    case fieldTargeted, fieldNeed, wouldDuplicate, showingNewest
    case formReportNeed, formMakePledge, keyReportNeed, keyMakePledge, fieldQuantity, fieldUnit, fieldPeopleInNeed,
        fieldBy, noOpenNeed
    case openCellFirst, fieldNeeded, enterSavesAnyway, enterOpensAnyway, screenTooSmall, riskBoard, noRisksHere
    case riskRegisterTitle, colBand, colScore, colLikelihood, colImpact, colHazard, colOwner, colReview, overdue,
        noRisks, risksByBand
    case performanceBoard, performanceTitle, performanceTo, colMetric, colCompleted, colP50, colP90, colTarget, colMet,
        colWaiting, colTrend
    case ics201Title, ics214Title, icsIncidentName, icsIncidentNumber, icsInitiated, icsLocation, icsSituation, icsRisk,
        icsPreparedBy
    case icsObjectives, icsToComplete, icsActions, icsAction, icsOrganisation, icsRole, icsRespondingAgency,
        icsResources, icsResource
    case icsIncidents, icsPeriod, icsHomeAgency, icsUnit, icsActivityLog, icsActivity, icsAcknowledged, icsRegistered,
        icsSignedOn, icsSignedOff
    case exerciseReportTitle, exerciseStartedAt, exerciseEndedAt, exerciseSpeed, exerciseInjects, exerciseNumber,
        exerciseAt, exerciseExpected
    case keyExercisePlay, keyExerciseSkip, keyExerciseInject, notAnExercise, noInjectLeft, formAddInject, fieldInjectAt,
        fieldExpectedBy, fieldWithin
    case exerciseTook, exerciseVerdict, exerciseWhoActed, exerciseMissed, exercisePaused, exerciseStopped,
        exerciseOthersActed, unitContact, currentAssignment, unitHistory, realDeskHow, skipInjectQuestion, yesNo,
        skipKept, exerciseNextInject
    case allAgencies, noResponses, targetMet, targetMissed, targetsHeading, noTargets, atPercentile, overTarget,
        trendExplained, performanceRules
    /// The map's words, in a table of their own.
    case map(MapText)

    public var translations: (en: String, ar: String) {
        switch self {
        case .map(let text): text.translations
        case .appName: ("Qanat", "قناة")
        case .incidents: ("Incidents", "الحوادث")
        case .units: ("Units", "الوحدات")
        case .log: ("Log", "السجل")
        case .colReference: ("Ref", "المرجع")
        case .colSeverity: ("Severity", "الخطورة")
        case .colStatus: ("Status", "الحالة")
        case .colType: ("Type", "النوع")
        case .colTitle: ("Title", "العنوان")
        case .colArea: ("Area", "المنطقة")
        case .colAge: ("Age", "العمر")
        case .colInStatus: ("In st.", "المدة")
        case .colLead: ("Lead", "القائد")
        case .colUnits: ("Un", "وح")
        case .colCallSign: ("Call sign", "النداء")
        case .colAgency: ("Agency", "الجهة")
        case .colCapabilities: ("Capabilities", "القدرات")
        case .colKind: ("Kind", "النوع")
        case .colSince: ("Since", "منذ")
        case .colIncident: ("Incident", "الحادثة")
        case .colTime: ("Time", "الوقت")
        case .colFrom: ("From", "من")
        case .colPriority: ("Priority", "الأولوية")
        case .colTo: ("To", "إلى")
        case .colAcks: ("Ack", "إقرار")
        case .colMessage: ("Message", "الرسالة")
        case .libyaTime: ("LY", "ليبيا")
        case .live: ("live", "متصل")
        case .readOnly: ("read-only", "للقراءة فقط")
        case .handoverTitle: ("Shift handover", "تسليم المناوبة")
        case .shiftLabel: ("Shift", "المناوبة")
        case .sectionOpenIncidents: ("Open incidents", "الحوادث المفتوحة")
        case .notSignedOn: ("no sign-on found: the last 12 hours", "لا تسجيل دخول: آخر 12 ساعة")
        case .handedOver: ("Handed over", "ملاحظة التسليم")
        case .sectionUnitsCommitted: ("Units committed", "الوحدات المكلّفة")
        case .sectionAwaiting: ("Awaiting acknowledgement by", "بانتظار إقرار")
        case .sectionShiftLog: ("Shift log", "سجل المناوبة")
        case .none: ("none", "لا شيء")
        case .draftsRestored:
            (
                "Unsent text from your last session is kept: m or o opens it",
                "نص لم يُرسل من جلستك السابقة محفوظ: m أو o لفتحه"
            )
        case .keyHandover: ("shift handover report; sign off", "تقرير تسليم المناوبة؛ إنهاء المناوبة")
        case .handoverHint:
            ("↑↓ scroll · S sign off and hand over · Esc back", "↑↓ تمرير · S إنهاء المناوبة والتسليم · Esc رجوع")
        case .formSignOn: ("Sign on for your shift", "تسجيل الدخول للمناوبة")
        case .formSignOff: ("Sign off and hand over", "إنهاء المناوبة والتسليم")
        case .fieldPIN: ("PIN", "الرقم السري")
        case .signedOn: ("signed on", "بدأت المناوبة")
        case .signedOff: ("signed off: shift handed over", "انتهت المناوبة وسُلّمت")
        case .wrongPIN: ("wrong PIN", "رقم سري خاطئ")
        case .wallTitle: ("control room", "غرفة العمليات")
        case .wallOpen: ("Open", "مفتوحة")
        case .wallUnitsAvailable: ("Units available", "وحدات متاحة")
        case .wallUnitsCommitted: ("Units committed", "وحدات مكلّفة")
        case .wallUnacknowledgedUrgent: ("Flash/immediate unacknowledged", "عاجلة وفورية بلا إقرار")
        case .wallLatestUrgent: ("Latest flash and immediate messages", "آخر الرسائل العاجلة والفورية")
        case .wallNoUrgent: ("No flash or immediate messages.", "لا توجد رسائل عاجلة أو فورية.")
        case .wallStale: ("DATA MAY BE STALE — no change seen for", "قد تكون البيانات قديمة — لا تغيير منذ")
        case .wallStoreUnreadable: ("STORE UNREADABLE", "تعذّرت قراءة المخزن")
        case .wallEvery: ("every", "كل")
        case .wallSeconds: ("s", "ث")
        case .wallLastChange: ("last change", "آخر تغيير")
        case .wallLocked: ("locked", "مقفلة")
        case .exercise: ("EXERCISE", "تمرين")
        case .busy: ("busy", "مشغول")
        case .offline: ("offline", "غير متصل")
        case .serviceAway: ("service stopped", "الخدمة متوقفة")
        case .waiting: ("waiting", "بالانتظار")
        case .hubCutOff: ("hub cut off", "الخادم المركزي منقطع")
        case .toSend: ("to send", "للإرسال")
        case .unacknowledged: ("unack", "بلا إقرار")
        case .officer: ("Officer", "الضابط")
        case .noOpenIncidents: ("No open incidents.", "لا توجد حوادث مفتوحة.")
        case .noUnits: ("No units registered.", "لا توجد وحدات مسجلة.")
        case .noMessages: ("No messages yet.", "لا توجد رسائل بعد.")
        case .timeline: ("Timeline", "التسلسل الزمني")
        case .assignedUnits: ("Units", "الوحدات")
        case .reportedBy: ("Reported by", "أبلغ عنها")
        case .leadAgency: ("Lead agency", "الجهة القائدة")
        case .peopleAffected: ("People affected", "المتضررون")
        case .place: ("Place", "المكان")
        case .openedAt: ("Opened", "فُتحت")
        case .noTimeline: ("No events yet.", "لا أحداث بعد.")
        case .groupedByStatus: ("by status", "حسب الحالة")
        case .groupedByAgency: ("by agency", "حسب الجهة")
        case .help: ("Keys", "المفاتيح")
        case .helpClose: ("Esc or ? closes this help", "Esc أو ? لإغلاق المساعدة")
        case .helpPages: ("Space or PgDn next page, PgUp back", "Space أو PgDn للصفحة التالية، PgUp للسابقة")
        case .keyFirstLast:
            (
                "first / last row; on the log, End and G follow live",
                "الصف الأول / الأخير؛ وفي السجل End و G للمتابعة المباشرة"
            )
        case .keyFirstRow: ("first row", "الصف الأول")
        case .keyTabDetail:
            (
                "next board; with a detail open, into it (to scroll)",
                "اللوحة التالية؛ ومع التفاصيل: الانتقال إليها للتمرير"
            )
        case .keyHelp: ("this help", "هذه المساعدة")
        case .keyQuit: ("quit", "خروج")
        case .keyMove: ("move", "تحرك")
        case .keyDetails:
            (
                "details: an incident, a unit, a whole message, a cell",
                "التفاصيل: حادثة، أو وحدة، أو رسالة كاملة، أو خانة"
            )
        case .keyBack: ("back", "رجوع")
        case .keySearch: ("search", "بحث")
        case .keyPalette: ("command palette", "لوحة الأوامر")
        case .keyGroup: ("units: group by status or agency", "الوحدات: تجميع حسب الحالة أو الجهة")
        case .keyLanguage: ("العربية / English", "العربية / English")
        case .keyFilterOpen: ("log: only what awaits our acknowledgement", "السجل: ما ينتظر إقرارنا فقط")
        case .filterAll: ("all", "الكل")
        case .filterUnacknowledged: ("unacknowledged", "بلا إقرار")
        case .eventOpened: ("opened", "فُتحت")
        case .eventUpdated: ("updated", "حُدّثت")
        case .eventTasked: ("tasked", "كُلّفت")
        case .eventAcknowledged: ("acknowledged tasking", "أقرت بالتكليف")
        case .eventArrived: ("arrived", "وصلت")
        case .eventReleased: ("released", "أُطلقت")
        case .eventRegistered: ("registered", "سُجّلت")
        case .eventUnitChanged: ("details changed", "عُدّلت بياناتها")
        case .statusArrow: ("→", "←")
        case .formPostMessage: ("New message", "رسالة جديدة")
        case .formOpenIncident: ("Open an incident", "فتح حادثة")
        case .formIncidentStatus: ("Change status of", "تغيير حالة")
        case .formAssignUnit: ("Assign a unit to", "تكليف وحدة بـ")
        case .formUnitStatus: ("Change status of unit", "تغيير حالة الوحدة")
        case .formRegisterUnit: ("Add a unit", "إضافة وحدة")
        case .noFocalPoint:
            ("no focal point on record (qanat org update CODE --focal \"NAME;PHONE;RADIO\")", "لا جهة اتصال مسجلة")
        case .openRiskCellFirst:
            (
                "Open the cell first (Enter), then v reviews one of its risks",
                "افتح الخانة أولًا (Enter) ثم v لمراجعة أحد مخاطرها"
            )
        case .formReviewRisk: ("Review a risk", "مراجعة خطر")
        case .fieldRisk: ("Risk", "الخطر")
        case .fieldNextReview: ("Next review", "المراجعة التالية")
        case .keyReviewRisk: ("risks: review a risk of the open cell", "المخاطر: مراجعة خطر في الخلية المفتوحة")
        case .formEditUnit: ("Change unit", "تعديل الوحدة")
        case .fieldCapabilities: ("Capabilities", "القدرات")
        case .keyRegisterUnit: ("units: add a unit", "الوحدات: إضافة وحدة")
        case .keyEditUnit: ("units: change the selected unit", "الوحدات: تعديل الوحدة المحددة")
        case .fieldTo: ("To (codes or *)", "إلى (رموز أو *)")
        case .fieldChannel: ("Channel", "القناة")
        case .fieldSubject: ("Subject", "الموضوع")
        case .fieldAcknowledgement: ("Ack required", "يتطلب إقرارًا")
        case .fieldNote: ("Note", "ملاحظة")
        case .yes: ("yes", "نعم")
        case .no: ("no", "لا")
        case .formHint:
            (
                "Tab next · ←→ choose · Enter on the last field sends · Esc closes (kept)",
                "Tab التالي · ←→ اختيار · Enter في آخر حقل للإرسال · Esc للإغلاق (يُحفظ)"
            )
        case .keyPost: ("new message", "رسالة جديدة")
        case .keyOpen: ("open an incident", "فتح حادثة")
        case .keyStatus: ("change status (incident or unit)", "تغيير الحالة (حادثة أو وحدة)")
        case .keyAssignOrAcknowledge: ("assign a unit / acknowledge a message", "تكليف وحدة / إقرار رسالة")
        case .quitWithDraft:
            (
                "A form holds unsent text. Quit anyway? y / n",
                "في النموذج نص لم يُرسل. الخروج على أي حال؟ نعم: ن أو y · لا: ل أو n"
            )
        case .sent: ("recorded", "سُجّل")
        case .keptInJournal:
            (
                "kept in the journal: applied once the store (or its service) takes it",
                "حُفظ في دفتر اليومية: يُطبَّق حين يتسلّمه المخزن (أو خدمته)"
            )
        case .keptThenRefused:
            (
                "kept while the store was away, then refused (still in the journal):",
                "حُفظ أثناء غياب المخزن ثم رُفض (باقٍ في دفتر اليومية):"
            )
        case .noAlert: ("no alert is open", "لا يوجد تنبيه قائم")
        case .likelyDuplicate: ("Likely duplicate of", "قد تكون مكررة لـ")
        case .acknowledged: ("acknowledged", "تم الإقرار")
        case .nothingSelected: ("nothing selected", "لا شيء محدد")
        case .fieldFrom: ("From", "من")
        case .draftMarker: ("draft", "مسودة")
        case .latestClosedFirst: ("latest closed first", "الأحدث إغلاقًا أولًا")
        case .coverageTitle: ("Coverage of needs", "تغطية الاحتياجات")
        case .colDistrict: ("District", "الشعبية")
        case .colSector: ("Sector", "القطاع")
        case .colNeeded: ("Needed", "المطلوب")
        case .colCovered: ("Covered", "المغطّى")
        case .colOrganisations: ("Organisations", "الجهات")
        case .colFlags: ("Flags", "التنبيهات")
        case .coverageSummary: ("Areas × sectors flagged", "المناطق × القطاعات المنبَّه عليها")
        case .noCoverage: ("No needs or activities recorded", "لا احتياجات ولا أنشطة مسجلة")
        case .coverage: ("Coverage", "التغطية")
        case .keyMoveSector: ("move across: sectors, or likelihood", "التنقل أفقيًا: القطاعات أو الاحتمال")
        case .keyCoverageFilter:
            ("coverage: filter by district, sector, kind", "التغطية: تصفية حسب الشعبية والقطاع ونوع الجهة")
        case .formCoverageFilter: ("Filter the coverage board", "تصفية لوحة التغطية")
        case .sectionNeeds: ("Needs", "الاحتياجات")
        case .sectionActivities: ("Activities", "الأنشطة")
        case .sectionPledges: ("Pledges", "التعهدات")
        case .sectionOrganisations: ("Organisations and focal points", "الجهات ونقاط الاتصال")
        case .phone: ("phone", "هاتف")
        case .radio: ("radio", "لاسلكي")
        case .duplicatedWith: ("duplicated between", "ازدواجية بين")
        case .reportedAgo: ("reported", "أُبلغ قبل")
        case .reachedOf: ("reached", "وصل إلى")
        case .pledgedBy: ("by", "بحلول")
        case .wallCoverageTitle: ("Gaps and duplications by district", "الفجوات والازدواجية حسب الشعبية")
        case .formRegisterActivity: ("Register an activity:", "تسجيل نشاط:")
        case .keyRegisterActivity: ("register an activity in this area and sector", "تسجيل نشاط في هذه المنطقة والقطاع")
        case .fieldOrganisation: ("Organisation", "الجهة")
        case .fieldImplementer: ("Implementer", "الجهة المنفذة")
        case .fieldWhat: ("What", "النشاط")
        case .fieldStart: ("Start", "البداية")
        case .fieldEnd: ("End", "النهاية")
        case .fieldTargeted: ("People targeted", "المستهدفون")
        case .fieldNeed: ("Need answered (id)", "الاحتياج (المعرّف)")
        case .wouldDuplicate: ("Would duplicate the work of", "سيكرر عمل")
        case .enterSavesAnyway: ("Enter saves it anyway", "Enter للحفظ على أي حال")
        case .screenTooSmall: ("needs", "يلزم")
        case .enterOpensAnyway:
            ("Enter opens a new incident anyway, Esc goes back", "Enter لفتح حادث جديد على أي حال، Esc للرجوع")
        case .riskBoard: ("Risks", "المخاطر")
        case .noRisksHere: ("No risk of this likelihood and impact", "لا خطر بهذا الاحتمال وهذا الأثر")
        case .showingNewest: ("showing the newest", "المعروض الأحدث")
        case .riskRegisterTitle: ("National risk register", "السجل الوطني للمخاطر")
        case .colBand: ("Band", "الفئة")
        case .colScore: ("Score", "الدرجة")
        case .colLikelihood: ("L", "ح")
        case .colImpact: ("I", "أ")
        case .colHazard: ("Hazard", "الخطر")
        case .colOwner: ("Owner", "المالك")
        case .colReview: ("Review", "المراجعة")
        case .overdue: ("overdue", "متأخرة")
        case .noRisks: ("No risk in the register", "لا خطر في السجل")
        case .risksByBand: ("Risks by band", "المخاطر حسب الفئة")
        case .performanceBoard: ("Performance", "الأداء")
        case .performanceTitle: ("Response performance", "أداء الاستجابة")
        case .performanceTo: ("to", "إلى")
        case .colMetric: ("Measure", "المقياس")
        case .colCompleted: ("Done", "تم")
        case .colP50: ("p50", "م50")
        case .colP90: ("p90", "م90")
        case .colTarget: ("Target", "الهدف")
        case .colMet: ("Met", "تحقق")
        case .colWaiting: ("Waiting", "بانتظار")
        case .colTrend: ("By week", "أسبوعيًا")
        case .ics201Title: ("Incident Briefing", "إيجاز الحادثة")
        case .ics214Title: ("Activity Log", "سجل النشاط")
        case .icsIncidentName: ("Incident name", "اسم الحادثة")
        case .icsIncidentNumber: ("Incident number", "رقم الحادثة")
        case .icsInitiated: ("Date/time initiated", "تاريخ ووقت البدء")
        case .icsLocation: ("Location", "الموقع")
        case .icsSituation: ("Situation summary", "ملخص الوضع")
        case .icsRisk: ("Risk of the register", "خطر من السجل")
        case .icsPreparedBy: ("Prepared by", "أعدّه")
        case .icsObjectives: ("Current and planned objectives", "الأهداف الحالية والمخطط لها")
        case .icsToComplete: ("to be completed by the incident commander", "يكملها قائد الحادثة")
        case .icsActions: ("Actions taken", "الإجراءات المتخذة")
        case .icsAction: ("Action", "الإجراء")
        case .icsOrganisation: ("Current organisation", "التنظيم الحالي")
        case .icsRole: ("Role", "الدور")
        case .icsRespondingAgency: ("Responding agency", "جهة مستجيبة")
        case .icsResources: ("Resource summary", "ملخص الموارد")
        case .icsResource: ("Resource", "المورد")
        case .icsIncidents: ("Incidents", "الحوادث")
        case .icsPeriod: ("Operational period", "الفترة التشغيلية")
        case .icsHomeAgency: ("Home agency", "الجهة الأم")
        case .icsUnit: ("Unit", "الوحدة")
        case .icsActivityLog: ("Activity log", "سجل النشاط")
        case .icsActivity: ("Notable activity", "النشاط")
        case .icsAcknowledged: ("acknowledged message", "أقرّ بالرسالة")
        case .icsRegistered: ("registered", "سُجّلت")
        case .icsSignedOn: ("signed on", "بدأ المناوبة")
        case .icsSignedOff: ("signed off", "أنهى المناوبة")
        case .exerciseReportTitle: ("report", "التقرير")
        case .exerciseStartedAt: ("Started", "بدأ")
        case .exerciseEndedAt: ("ended", "انتهى")
        case .exerciseSpeed: ("speed", "السرعة")
        case .exerciseInjects: ("Injects", "الرسائل التمرينية")
        case .exerciseNumber: ("#", "#")
        case .exerciseAt: ("At", "عند")
        case .exerciseExpected: ("Expected", "المتوقع")
        case .keyExercisePlay:
            ("exercise: pause or resume play (controller)", "التمرين: إيقاف العرض مؤقتًا أو استئنافه (المتحكم)")
        case .keyExerciseSkip:
            ("exercise: skip the next inject (controller)", "التمرين: تخطي الرسالة التالية (المتحكم)")
        case .keyExerciseInject: ("exercise: add an inject (controller)", "التمرين: إضافة رسالة تمرينية (المتحكم)")
        case .notAnExercise: ("No exercise plays on this store", "لا تمرين يُعرض على هذا المخزن")
        case .noInjectLeft: ("No inject left to play", "لم تبق رسالة تمرينية للعرض")
        case .formAddInject: ("Add an inject:", "إضافة رسالة تمرينية:")
        case .fieldInjectAt: ("At (blank: now)", "عند (فارغ: الآن)")
        case .fieldExpectedBy: ("Expected of", "المتوقع من")
        case .fieldWithin: ("Within (2m)", "خلال (2m)")
        case .exerciseTook: ("Took", "استغرق")
        case .exerciseVerdict: ("Result", "النتيجة")
        case .exerciseWhoActed: ("Who acted", "من تصرف")
        case .exerciseOthersActed:
            ("Others who did what was expected of another agency", "جهات أخرى قامت بما كان متوقعًا من غيرها")
        case .exerciseMissed: ("Missed, late or not played", "ما فات أو تأخر أو لم يُعرض")
        case .exercisePaused: ("paused", "متوقف مؤقتًا")
        case .exerciseStopped: ("EXERCISE STOPPED", "توقف التمرين")
        case .unitContact: ("Contact", "الاتصال")
        case .currentAssignment: ("Current assignment", "التكليف الحالي")
        case .unitHistory: ("History", "السجل")
        case .skipInjectQuestion: ("Skip inject", "تخطي الرسالة التمرينية")
        case .yesNo: ("y / n", "نعم: ن أو y · لا: ل أو n")
        case .skipKept: ("not skipped", "لم يُتخطَّ شيء")
        case .realDeskHow:
            ("the real desk: q, then qanat without --exercise", "المكتب الحقيقي: q ثم qanat وحده، دون تمرين")
        case .exerciseNextInject: ("next inject", "الرسالة التالية")
        case .allAgencies: ("All agencies", "كل الجهات")
        case .noResponses: ("Nothing to measure in this period", "لا شيء للقياس في هذه الفترة")
        case .targetMet: ("yes", "نعم")
        case .targetMissed: ("NO", "لا")
        case .targetsHeading: ("Targets", "الأهداف")
        case .noTargets: ("no target set (qanat target set)", "لا أهداف محددة (qanat target set)")
        case .atPercentile: ("at p", "عند م")
        case .overTarget: ("over target", "تجاوزت الهدف")
        case .trendExplained:
            (
                "By week: the target's percentile (p90 without one), oldest week at the left, · none",
                "أسبوعيًا: مئين الهدف (م90 بدونه)، الأقدم على اليسار، · لا شيء؛ م50 وم90: المئين الخمسون والتسعون"
            )
        case .performanceRules:
            (
                "Acknowledge: flash and immediate messages asking for it, each agency's first. Assign, arrive: from the report to the agency's first unit. Close: the lead agency's.",
                "الإقرار: الرسائل العاجلة جدًا والفورية التي تطلبه، أول إقرار لكل جهة. التكليف والوصول: من البلاغ إلى أول وحدة للجهة. الإغلاق: للجهة القائدة."
            )
        case .formReportNeed: ("Report a need:", "الإبلاغ عن احتياج:")
        case .formMakePledge: ("Pledge:", "تعهد:")
        case .keyReportNeed: ("report a need in this area and sector", "الإبلاغ عن احتياج في هذه المنطقة والقطاع")
        case .keyMakePledge:
            ("pledge to an open need of the cell (its detail open)", "التعهد باحتياج مفتوح في الخانة (تفاصيلها مفتوحة)")
        case .fieldQuantity: ("Quantity", "الكمية")
        case .fieldUnit: ("Unit of measure", "وحدة القياس")
        case .fieldPeopleInNeed: ("People in need", "المحتاجون")
        case .fieldBy: ("By (date)", "بحلول (تاريخ)")
        case .noOpenNeed:
            ("No open need in this cell: r reports one", "لا احتياج مفتوح في هذه الخانة: r للإبلاغ عن احتياج")
        case .openCellFirst:
            (
                "Open the cell first (Enter), then p pledges to one of its needs",
                "افتح الخانة أولًا (Enter) ثم p للتعهد باحتياج منها"
            )
        case .fieldNeeded: ("What is needed", "المطلوب")
        case .awaitingSignOn: ("nobody signed on", "لا أحد في المناوبة")
        case .handedOverBy: ("Handed over by", "سلّمها")
        case .alertOpen: ("! opens it", "! لفتحها")
        case .keyOpenAlert:
            ("open the alert: a flash message, an extreme incident", "فتح التنبيه: رسالة عاجلة جدًا أو حادثة قصوى")
        case .wallPinned: ("UNACKNOWLEDGED", "بلا إقرار")
        case .wallStaleShort: ("stale", "قديمة")
        case .msgTo: ("To", "إلى")
        case .everyAgency: ("every agency", "كل الجهات")
        case .sectionAcknowledgements: ("Acknowledgements", "الإقرارات")
        case .awaitingAcknowledgement: ("awaiting", "بانتظار الإقرار")
        case .noAcknowledgementAsked: ("No acknowledgement asked.", "لم يُطلب إقرار.")
        case .messageKeys:
            (
                "Enter incident · r reply · a acknowledge · Tab scroll · Esc back",
                "الحادثة Enter · رد r · إقرار a · تمرير Tab · رجوع Esc"
            )
        case .keyReply: ("reply to the message (to its sender)", "الرد على الرسالة (إلى مُرسلها)")
        case .keyScroll:
            ("in a detail, after Tab: scroll; Home End too", "في التفاصيل بعد Tab: التمرير؛ و Home End أيضًا")
        case .noSuchIncident: ("no such incident:", "لا توجد حادثة:")
        case .noUnitRegistered:
            (
                "no unit is registered yet: register one on the units board (F3, n)",
                "لا وحدة مسجلة بعد: سجّل وحدة في لوحة الوحدات (F3، n)"
            )
        case .noFreeUnit:
            (
                "no unit is free: every unit is busy or out of service (F3)",
                "لا وحدة متاحة: كل الوحدات مشغولة أو خارج الخدمة (F3)"
            )
        case .formIncidentFilter: ("Show incidents", "عرض الحوادث")
        case .fieldOrder: ("Order", "الترتيب")
        case .fieldMinimumSeverity: ("Severity at least", "الخطورة على الأقل")
        case .keyFilter:
            (
                "incidents: filter by status, severity, agency, area",
                "الحوادث: تصفية حسب الحالة والخطورة والجهة والمنطقة"
            )
        case .keySort: ("incidents: next order", "الحوادث: الترتيب التالي")
        case .filtered: ("filtered", "مصفّاة")
        case .openIncident: ("Open", "افتح")
        case .searchHint:
            (
                "Type, then Enter searches incidents and messages · Esc closes",
                "اكتب ثم Enter للبحث في الحوادث والرسائل · Esc للإغلاق"
            )
        case .paletteHint:
            (
                "Type to narrow, or an incident number · ↑↓ Enter runs · Esc closes",
                "اكتب للتضييق أو رقم حادثة · ↑↓ اختيار · Enter للتنفيذ · Esc للإغلاق"
            )
        case .noResults: ("Nothing found.", "لم يُعثر على شيء.")
        case .searching:
            (
                "↑↓ choose · Enter opens · type and Enter to search again · Esc closes",
                "↑↓ اختيار · Enter للفتح · اكتب ثم Enter لبحث جديد · Esc للإغلاق"
            )
        case .noLinkedIncident: ("This message names no incident.", "هذه الرسالة لا تشير إلى حادثة.")
        case .noMatches: ("Nothing matches the filter (f to change it).", "لا شيء يطابق التصفية (f لتغييرها).")
        case .formLogFilter: ("Show messages", "عرض الرسائل")
        case .fieldMinimumPriority: ("Priority at least", "الأولوية على الأقل")
        case .fieldAwaitingUs: ("Awaiting our ack", "بانتظار إقرارنا")
        case .keyLogFilter: ("log: filter by agency, incident, priority", "السجل: تصفية حسب الجهة والحادثة والأولوية")
        case .tasked: ("tasked", "كُلّفت")
        case .arrived: ("arrived", "وصلت")
        case .released: ("released", "أُطلقت")
        }
    }
}
