import QanatCore

/// What an effect came to, handed back to the state: as a command's result comes back to
/// Bubble Tea's `Update` as a message. The loop runs an effect (a write, a read) and gives its
/// outcome to `DeskState.apply`; every change it makes is a unit test on the state alone.
public enum DeskOutcome: Equatable, Sendable {
    /// Written: applied to the store, or `kept` in the journal until the store takes it;
    /// `backlog` events wait for it.
    case recorded(Done, kept: Bool, backlog: Int)
    /// Fields refused: beside each on a form, else the first as the notice. Nothing written.
    case invalid([ValidationError])
    /// The member's role does not allow it. Nothing written.
    case refused(Refusal)
    /// A sign-on refused for one field (a wrong PIN, an agency the role does not allow).
    case signOnRefused(field: String, Refusal)
    /// Not even the journal took it, or the store could not be asked: its error, as it reads.
    case failed(String)
    /// The incident may already be open: named once, and Enter again opens it anyway.
    case likelyDuplicates([IncidentReference])
    /// Another organisation registered the same activity there: named once, Enter again saves.
    case duplicatesActivity(of: [AgencyCode])
    /// An officer signed on to a shared account (their kept drafts with them); `kept` as above.
    case signedOn(officer: String, agency: AgencyCode, drafts: [String: [String: String]], kept: Bool, backlog: Int)
    /// The officer signed off with `note`; on a shared account the desk waits for the next one.
    case signedOff(note: String?, kept: Bool, backlog: Int)
    /// Events kept while the store was away went in; those `refused` once the member was known
    /// (made while no one could tell who was writing) did not.
    case backlogApplied(refused: [Refusal])
    /// Who this desk is to the store's members, learned when they (or a shift) changed.
    case accessLearned(Actor)
    /// The store answered, is locked past the desk's short wait, or cannot be read.
    case store(StoreHealth)
    /// The site's relay said how the link to the hub is.
    case relay(RelayStatus?)
    case handover(HandoverReport)
    case searchResults([SearchHit], for: String)

    /// What a recorded write did, as the notice names it.
    public enum Done: Equatable, Sendable {
        case sent, acknowledged, signedOn, signedOff
        case exercise(ExerciseControl.Action, inject: Int?)
    }
}

extension DeskState {
    public mutating func apply(_ outcome: DeskOutcome) {
        let l = localizer
        switch outcome {
        case .recorded(let done, let kept, let backlog):
            self.backlog = backlog
            formSucceeded(kept ? l(.keptInJournal) : text(done))
        case .invalid(let errors):
            if form != nil { formRefused(errors) } else { notice = errors.first.map { l($0) } }
        case .refused(let refusal):
            show(problem: l(refusal))
        case .signOnRefused(let field, let refusal):
            formRefused(field: field, message: l(refusal))
        case .failed(let reason):
            show(problem: reason)
        case .likelyDuplicates(let references):
            warn(
                "\(l(.likelyDuplicate)) \(references.map(\.rawValue).joined(separator: ", ")) — \(l(.enterOpensAnyway))"
            )
        case .duplicatesActivity(let organisations):
            warn(
                "\(l(.wouldDuplicate)) \(organisations.map(\.rawValue).joined(separator: ", ")) — \(l(.enterSavesAnyway))"
            )
        case .signedOn(let name, let code, let kept, let inJournal, let backlog):
            apply(.recorded(.signedOn, kept: inJournal, backlog: backlog))
            (officer, agency, shift) = (name, code, .onShift(since: now))
            restore(drafts: kept)
            // The note the last officer left stays in view once this one is on.
            if let note = handoverNote { notice = note }
            handoverNote = nil
        case .signedOff(let note, let kept, let backlog):
            apply(.recorded(.signedOff, kept: kept, backlog: backlog))
            guard shift != .notRequired else { return }
            // The next officer starts clean; this one's unsent text waits for their next shift.
            drafts = [:]
            handoverNote = note.map { "\(l(.handedOverBy)) \(officer), \(l.clock(now)): \($0)" }
            shift = .awaitingSignOn
            form = Forms.signOn(officer: "", agency: agency)
            form?.notice = handoverNote
        case .backlogApplied(let refused):
            backlog = 0
            if let refusal = refused.first {
                notice = "\(l(.keptThenRefused)) \(l.number(refused.count)): \(l(refusal))"
            } else if notice == l(.keptInJournal) {
                // The write that waited is in: the notice that it waited no longer holds.
                notice = l(.sent)
            }
        case .accessLearned(let actor):
            learned(actor)
        case .store(let health):
            store = health
        case .relay(let status):
            data.relay = status
        case .handover(let report):
            handover = HandoverScreen(lines: HandoverText.displayLines(report, l))
        case .searchResults(let hits, let text):
            showSearchResults(hits, for: text)
        }
    }

    private func text(_ done: DeskOutcome.Done) -> String {
        let l = localizer
        return switch done {
        case .sent: l(.sent)
        case .acknowledged: l(.acknowledged)
        case .signedOn: l(.signedOn)
        case .signedOff: l(.signedOff)
        case .exercise(let action, let inject): l(action) + (inject.map { " \(l.number($0))" } ?? "")
        }
    }

    /// A problem with what was asked: on the form when one is open (it keeps what was typed), else the notice.
    private mutating func show(problem: String) {
        if form != nil { form?.notice = problem } else { notice = problem }
    }

    /// A warning the form shows once: Enter again goes on.
    private mutating func warn(_ text: String) {
        form?.notice = text
        form?.warned = true
    }

    /// A shared duty account shows nothing until an officer signs on; a non-member or a viewer
    /// reads only, and is told so once.
    private mutating func learned(_ actor: Actor) {
        if shift == .notRequired, let account = actor.member, account.shared {
            shift = .awaitingSignOn
            form = Forms.signOn(officer: "", agency: account.agency)
        }
        let refusal: Refusal? =
            switch actor.role {
            case nil: .notMember(user: actor.user)
            case .viewer: .viewerReadsOnly
            default: nil
            }
        guard refusal != readOnly else { return }
        readOnly = refusal
        // A shared viewer account waiting for its officer: the sign-on form is what to do, not an admin.
        if let refusal, shift != .awaitingSignOn { notice = localizer(refusal) }
    }

    /// What the loader read for `refresh`: the open detail is read, new alerts noticed.
    public mutating func loaded(_ read: DeskData, exercise isExercise: Bool, refresh: DeskRefresh) {
        data = read
        exercise = isExercise
        if refresh.contains(.detail) { detailRead() }
        if !refresh.isDisjoint(with: [.incidents, .messages]) { noticeAlerts() }
    }

    /// The loop rang the bell this frame asked for.
    public mutating func bellRung() { bellPending = false }

    /// The clock moved on: what the screen shows by the time is drawn again.
    public mutating func clock(_ time: Timestamp) { now = time }
}
