/// Interface strings. Column headers are short: boards must fit 80 columns.
public enum UIText: CaseIterable, Sendable {
    case appName, incidents, units, log
    case colReference, colSeverity, colStatus, colType, colTitle, colArea, colAge, colInStatus, colLead, colUnits
    case colCallSign, colCapabilities, colAgency, colKind, colSince, colIncident, colTime, colFrom, colPriority, colTo, colAcks, colMessage
    case live, busy, offline, waiting, unacknowledged, officer, libyaTime
    case noOpenIncidents, noUnits, noMessages
    case timeline, assignedUnits, reportedBy, leadAgency, peopleAffected, place, openedAt, noTimeline
    case groupedByStatus, groupedByAgency
    case help, helpClose, keyHelp, keyQuit, keyTab, keyMove, keyDetails, keyBack, keyBoards, keySearch, keyPalette
    case keyGroup, keyLanguage, keyFilterOpen
    case filterAll, filterUnacknowledged
    case eventOpened, eventUpdated, eventTasked, eventAcknowledged, eventArrived, eventReleased, eventRegistered
    case tasked, arrived, released
    case formPostMessage, formOpenIncident, formIncidentStatus, formAssignUnit, formUnitStatus
    case fieldTo, fieldChannel, fieldSubject, fieldAcknowledgement, fieldNote, yes, no, formHint
    case keyPost, keyOpen, keyStatus, keyAssignOrAcknowledge, quitWithDraft
    case sent, keptInJournal, likelyDuplicate, acknowledged, nothingSelected, noFreeUnit, noSuchIncident
    case formIncidentFilter, fieldOrder, fieldMinimumSeverity, keyFilter, keySort, filtered
    case openIncident, searchHint, paletteHint, noResults, searching
    case noLinkedIncident, noMatches, formLogFilter, fieldMinimumPriority, fieldAwaitingUs, keyLogFilter
    case readOnly
    case wallTitle, wallOpen, wallUnitsAvailable, wallUnitsCommitted, wallUnacknowledgedUrgent, wallLatestUrgent, wallNoUrgent
    case handoverTitle, sectionOpenIncidents, shiftLabel, notSignedOn, handedOver, sectionUnitsCommitted, sectionAwaiting, sectionShiftLog, none
    case draftsRestored, keyHandover, handoverHint, formSignOn, formSignOff, fieldPIN, signedOn, signedOff, wrongPIN
    case wallStale, wallStoreUnreadable, wallEvery, wallSeconds, wallLastChange, wallLocked, exercise
    case fieldFrom, msgTo, everyAgency, sectionAcknowledgements, awaitingAcknowledgement, noAcknowledgementAsked, messageKeys, keyReply
    case keyScroll, helpPages, keyFirstLast, keyTabDetail

    public var translations: (en: String, ar: String) {
        switch self {
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
        case .draftsRestored: ("Unsent text from your last session is kept: m or o opens it", "نص لم يُرسل من جلستك السابقة محفوظ: m أو o لفتحه")
        case .keyHandover: ("shift handover report; sign off", "تقرير تسليم المناوبة؛ إنهاء المناوبة")
        case .handoverHint: ("↑↓ scroll · S sign off and hand over · Esc back", "↑↓ تمرير · S إنهاء المناوبة والتسليم · Esc رجوع")
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
        case .waiting: ("waiting", "بالانتظار")
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
        case .keyFirstLast: ("first / last row; on the log, End follows new messages", "الصف الأول / الأخير؛ وفي السجل End يتابع الرسائل الجديدة")
        case .keyTabDetail: ("next board; with a detail open, into it (to scroll)", "اللوحة التالية؛ ومع التفاصيل: الانتقال إليها للتمرير")
        case .keyHelp: ("this help", "هذه المساعدة")
        case .keyQuit: ("quit", "خروج")
        case .keyTab: ("next pane", "اللوحة التالية")
        case .keyMove: ("move", "تحرك")
        case .keyDetails: ("details: an incident's, or the whole message on the log", "التفاصيل: للحادثة، أو الرسالة كاملة في السجل")
        case .keyBack: ("back", "رجوع")
        case .keyBoards: ("incidents, units, log", "الحوادث، الوحدات، السجل")
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
        case .formPostMessage: ("New message", "رسالة جديدة")
        case .formOpenIncident: ("Open an incident", "فتح حادثة")
        case .formIncidentStatus: ("Change status of", "تغيير حالة")
        case .formAssignUnit: ("Assign a unit to", "تكليف وحدة بـ")
        case .formUnitStatus: ("Change status of unit", "تغيير حالة الوحدة")
        case .fieldTo: ("To (codes or *)", "إلى (رموز أو *)")
        case .fieldChannel: ("Channel", "القناة")
        case .fieldSubject: ("Subject", "الموضوع")
        case .fieldAcknowledgement: ("Ack required", "يتطلب إقرارًا")
        case .fieldNote: ("Note", "ملاحظة")
        case .yes: ("yes", "نعم")
        case .no: ("no", "لا")
        case .formHint: ("Tab next · ←→ choose · Enter on the last field sends · Esc closes (kept)",
                         "Tab التالي · ←→ اختيار · Enter في آخر حقل للإرسال · Esc للإغلاق (يُحفظ)")
        case .keyPost: ("new message", "رسالة جديدة")
        case .keyOpen: ("open an incident", "فتح حادثة")
        case .keyStatus: ("change status (incident or unit)", "تغيير الحالة (حادثة أو وحدة)")
        case .keyAssignOrAcknowledge: ("assign a unit / acknowledge a message", "تكليف وحدة / إقرار رسالة")
        case .quitWithDraft: ("A form holds unsent text. Quit anyway? y / n", "في النموذج نص لم يُرسل. الخروج على أي حال؟ y / n")
        case .sent: ("recorded", "سُجّل")
        case .keptInJournal: ("store busy: kept in the journal, applied when it frees", "المخزن مشغول: حُفظ في السجل وسيُطبّق لاحقًا")
        case .likelyDuplicate: ("Likely duplicate of", "قد تكون مكررة لـ")
        case .acknowledged: ("acknowledged", "تم الإقرار")
        case .nothingSelected: ("nothing selected", "لا شيء محدد")
        case .fieldFrom: ("From", "من")
        case .msgTo: ("To", "إلى")
        case .everyAgency: ("every agency", "كل الجهات")
        case .sectionAcknowledgements: ("Acknowledgements", "الإقرارات")
        case .awaitingAcknowledgement: ("awaiting", "بانتظار الإقرار")
        case .noAcknowledgementAsked: ("No acknowledgement asked.", "لم يُطلب إقرار.")
        case .messageKeys: ("Enter incident · r reply · a acknowledge · Tab scroll · Esc back",
                            "Enter الحادثة · r رد · a إقرار · Tab تمرير · Esc رجوع")
        case .keyReply: ("reply to the message (to its sender)", "الرد على الرسالة (إلى مُرسلها)")
        case .keyScroll: ("in a detail: Tab, then j/k, PgUp/PgDn, Home/End scroll", "في التفاصيل: Tab ثم j/k و PgUp/PgDn و Home/End للتمرير")
        case .noSuchIncident: ("no such incident:", "لا توجد حادثة:")
        case .noFreeUnit: ("no unit is free: every unit is busy or out of service (F3)", "لا وحدة متاحة: كل الوحدات مشغولة أو خارج الخدمة (F3)")
        case .formIncidentFilter: ("Show incidents", "عرض الحوادث")
        case .fieldOrder: ("Order", "الترتيب")
        case .fieldMinimumSeverity: ("Severity at least", "الخطورة على الأقل")
        case .keyFilter: ("incidents: filter by status, severity, agency, area", "الحوادث: تصفية حسب الحالة والخطورة والجهة والمنطقة")
        case .keySort: ("incidents: next order", "الحوادث: الترتيب التالي")
        case .filtered: ("filtered", "مصفّاة")
        case .openIncident: ("Open", "افتح")
        case .searchHint: ("Type, then Enter searches incidents and messages · Esc closes",
                           "اكتب ثم Enter للبحث في الحوادث والرسائل · Esc للإغلاق")
        case .paletteHint: ("Type to narrow, or an incident number · ↑↓ Enter runs · Esc closes",
                            "اكتب للتضييق أو رقم حادثة · ↑↓ اختيار · Enter للتنفيذ · Esc للإغلاق")
        case .noResults: ("Nothing found.", "لم يُعثر على شيء.")
        case .searching: ("↑↓ choose · Enter opens · type and Enter to search again · Esc closes",
                          "↑↓ اختيار · Enter للفتح · اكتب ثم Enter لبحث جديد · Esc للإغلاق")
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
