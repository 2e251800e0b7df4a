import QanatCore

/// The exercise report: per inject, who acted, how long it took against the time allowed, and
/// what was missed — in either language, as text or Markdown.
public enum ExerciseText {
    public static func lines(_ run: ExerciseRun, outcomes: [InjectOutcome], _ l: Localizer, format: ReportLayout.Format)
        -> [String]
    {
        let name = (l.language == .ar ? run.start.nameArabic : nil) ?? run.start.name
        var blocks: [ReportLayout.Block] = [.title("\(l(.exercise)) — \(name) — \(l(.exerciseReportTitle))")]
        var played =
            "\(l(.exerciseStartedAt)) \(l.dateTime(run.startedAt)) · \(l(.exerciseSpeed)) \(l.number(run.start.speed))×"
        if let stop = run.stopped { played += " · \(l(.exerciseEndedAt)) \(l.dateTime(stop.at)) (\(l(stop.reason)))" }
        blocks.append(.text(played))
        let counts = InjectOutcome.Verdict.allCases.compactMap { verdict -> String? in
            let n = outcomes.filter { $0.verdict == verdict }.count
            return n == 0 ? nil : "\(l(verdict)) \(l.number(n))"
        }
        blocks.append(.text("\(l(.exerciseInjects)) \(l.number(outcomes.count)): " + counts.joined(separator: " · ")))
        blocks.append(
            .section(
                heading: l(.exerciseInjects),
                header: [
                    l(.exerciseNumber), l(.exerciseAt), l(.colFrom), l(.exerciseExpected), l(.exerciseTook),
                    l(.exerciseVerdict), l(.colMessage),
                ],
                rows: outcomes.map { o in
                    // When it played, in scenario time (a pause or an added inject moves it from its plan).
                    [
                        l.number(o.inject.number),
                        clock(o.playedAt.map { Int(run.elapsed(at: $0)) } ?? o.inject.offset, l),
                        o.inject.from.rawValue,
                        expectation(o.inject, l),
                        o.expected.map { l.responseTime(milliseconds: Int64($0.seconds) * 1000) } ?? "—", l(o.verdict),
                        o.inject.text,
                    ]
                }))
        // An inject is credited to the agency it expected; others who did the same are listed apart.
        func acted(_ expected: Bool) -> [[String]] {
            outcomes.flatMap { o in
                o.responses.filter { ($0.agency == o.inject.by) == expected }.map { r in
                    [
                        l.number(o.inject.number), r.agency.rawValue, r.officer,
                        l.responseTime(milliseconds: Int64(r.seconds) * 1000),
                    ]
                }
            }
        }
        let header = [l(.exerciseNumber), l(.colAgency), l(.officer), l(.exerciseTook)]
        blocks.append(.section(heading: l(.exerciseWhoActed), header: header, rows: acted(true)))
        blocks.append(.section(heading: l(.exerciseOthersActed), header: header, rows: acted(false)))
        let missed = outcomes.filter { [.missed, .late, .cutShort, .notPlayed].contains($0.verdict) }
        blocks.append(
            .section(
                heading: l(.exerciseMissed), header: [l(.exerciseNumber), l(.exerciseExpected), l(.exerciseVerdict)],
                rows: missed.map { o in [l.number(o.inject.number), expectation(o.inject, l), l(o.verdict)] }))
        return ReportLayout.lines(blocks, l, format: format)
    }

    /// `CD: acknowledge ≤ 3m00s`.
    static func expectation(_ inject: ExerciseInject, _ l: Localizer) -> String {
        guard let expect = inject.expect, let by = inject.by else { return "—" }
        return "\(by.rawValue): \(l(expect))"
            + (inject.within.map { " ≤ \(l.responseTime(milliseconds: Int64($0) * 1000))" } ?? "")
    }

    /// Scenario time: `+00:02:00`.
    static func clock(_ seconds: Int, _ l: Localizer) -> String {
        l.number(String(format: "+%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60))
    }
}

extension InjectOutcome.Verdict: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .met: ("met", "في الوقت")
        case .late: ("late", "متأخر")
        case .missed: ("missed", "لم يُنفذ")
        case .cutShort: ("stopped before its time", "توقف قبل انقضاء مهلته")
        case .noExpectation: ("nothing expected", "لا إجراء متوقع")
        case .skipped: ("skipped", "تم تخطيه")
        case .notPlayed: ("not played", "لم يُعرض")
        }
    }
}

extension ExpectedAction: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .acknowledge: ("acknowledge", "الإقرار")
        case .assign: ("assign a unit", "تكليف وحدة")
        case .open: ("open an incident", "فتح حادثة")
        case .status: ("change the status", "تغيير الحالة")
        case .post: ("post a message", "إرسال رسالة")
        }
    }
}

extension ExerciseControl.Action: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .played: ("inject played", "عُرضت الرسالة التمرينية")
        case .paused: ("play paused", "أُوقف العرض مؤقتًا")
        case .resumed: ("play resumed", "استؤنف العرض")
        case .skipped: ("inject skipped", "تُخطيت الرسالة التمرينية")
        case .stopped: ("play stopped", "توقف العرض")
        }
    }
}

/// The banner of an exercise its stop phrase ended: what happened, the message that carried the
/// phrase (its sender and text), and how to reach the real desk — on every desk and the wall.
enum StopBanner {
    static func text(_ message: MessageRecord?, _ l: Localizer) -> String {
        var parts = ["⚠ \(l(.exerciseStopped)) — \(l(ExerciseControl.Reason.stopPhrase))"]
        if let m = message?.message {
            parts.append(
                "\(m.agency) (\(m.officer)): " + [m.subject, m.body].compactMap { $0 }.joined(separator: " — "))
        }
        parts.append(l(.realDeskHow))
        return parts.joined(separator: " · ")
    }
}

extension ExerciseControl.Reason: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .ended: ("every inject played", "عُرضت كل الرسائل")
        case .controller: ("stopped by the controller", "أوقفه المتحكم")
        case .stopPhrase: ("REAL EMERGENCY: stop phrase", "طوارئ حقيقية: عبارة الإيقاف")
        case .interrupted: ("interrupted", "قُطع")
        }
    }
}
