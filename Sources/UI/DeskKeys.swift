import QanatCore

/// What a key asks of the world outside the state: the event loop carries these out.
public enum DeskEffect: Equatable, Sendable {
    case quit
    /// Read the open incident's detail (timeline, units) again.
    case loadDetail
    /// Validate and record what the form holds.
    case submit(Form)
    /// Acknowledge this message for the desk's agency.
    case acknowledge(messageID: String)
    /// Read the boards again (the incident query changed).
    case reload
    /// Search the store for this text; the results go to the open search.
    case search(String)
    /// Read the shift handover report.
    case handover
}

extension DeskState {
    /// Applies a key, like htop or tig: `?` help, `q` quit, F2–F4 boards, arrows and `j`/`k`,
    /// Enter details, Esc back, Tab between panes.
    public mutating func handle(_ key: KeyPress) -> DeskEffect? {
        if case .resize(let w, let h) = key {
            width = w
            height = h
            return nil
        }
        if key == .hangup { return .quit }
        if key == .interrupt {
            if holdsUnsentText, !confirmingQuit {
                confirmingQuit = true
                return nil
            }
            return .quit
        }
        if confirmingQuit {
            confirmingQuit = false
            return key == .character("y") || key == .character("Y") ? .quit : nil
        }
        if var current = form {
            let outcome = current.handle(key)
            form = current
            switch outcome {
            case .submit where current.purpose == .incidentFilter || current.purpose == .logFilter:
                do {
                    try applyFilter(current)
                    form = nil
                    return .reload
                } catch {
                    let message = localizer(error)
                    form?.show(error: message, field: error.field)
                }
            case .submit: return .submit(current)
            // No desk without an officer on a shared account: Esc on the sign-on form leaves.
            case .cancel where current.purpose == .signOn: return .quit
            case .cancel:
                if current.holdsTypedText { drafts[Self.draftKey(current.purpose)] = current }
                form = nil
            case nil: break
            }
            return nil
        }
        if shift == .awaitingSignOn {
            // A sign-on refused for a wrong PIN or agency is open again on the next key.
            form = Forms.signOn(officer: "", agency: agency)
            form?.notice = handoverNote
            return nil
        }
        if picker != nil { return handlePicker(key) }
        if handover != nil { return handleHandover(key) }
        if overlay != nil {
            let pages = HelpOverlay.geometry(self).pages
            switch key {
            case .escape, .character("?"), .character("q"): overlay = nil
            case .character(" "), .pageDown, .down, .character("j"): helpPage = min(pages - 1, helpPage + 1)
            case .pageUp, .up, .character("k"), .character("b"): helpPage = max(0, helpPage - 1)
            default: break
            }
            return nil
        }
        notice = nil
        if detailFocused, showingDetail, let scrolled = scrollDetail(key) { return scrolled }
        switch key {
        case .character("q"):
            if holdsUnsentText { confirmingQuit = true } else { return .quit }
        case .character("?"):
            overlay = .help
            helpPage = 0
        case .character("H"): return .handover
        case .character("!"):
            guard let alert = alerts.first else {
                notice = localizer(.nothingSelected)
                return nil
            }
            switch alert.subject {
            case .incident(let reference): return jump(to: reference)
            case .message(let id): return showMessage(id)
            }
        case .character("/"): picker = Picker(kind: .search)
        case .character(":"):
            var palette = Picker(kind: .palette)
            palette.entries = Picker.paletteEntries("", now: now, localizer: localizer)
            picker = palette
        case .character("m"): open(Forms.postMessage(incident: selectedIncident?.incident.reference.rawValue))
        case .character("f") where board == .incidents: form = Forms.incidentFilter(incidentQuery)
        case .character("f") where board == .log: form = Forms.logFilter(logQuery)
        case .character("S") where board == .incidents:
            let orders = IncidentQuery.Order.allCases
            incidentQuery.order = orders[((orders.firstIndex(of: incidentQuery.order) ?? 0) + 1) % orders.count]
            return .reload
        case .character("o"): open(Forms.openIncident())
        case .character("s"):
            if let incident = selectedIncident?.incident { open(Forms.incidentStatus(incident)) }
            else if let unit = selectedUnit { open(Forms.unitStatus(unit)) }
            else { notice = localizer(.nothingSelected) }
        case .character("a"):
            if let incident = selectedIncident?.incident {
                let free = data.units.map(\.unit).filter(\.status.canBeTasked)
                guard !free.isEmpty else {
                    notice = localizer(.noFreeUnit)
                    return nil
                }
                open(Forms.assignUnit(incident, available: free))
            } else if let message = openedOrSelectedMessage {
                return .acknowledge(messageID: message.message.id.rawValue)
            } else {
                notice = localizer(.nothingSelected)
            }
        case .function(let n):
            if let board = Board.allCases.first(where: { $0.functionKey == n }) { switchTo(board) }
        case .character("1"): switchTo(.incidents)
        case .character("2"): switchTo(.units)
        case .character("3"): switchTo(.log)
        case .character("L"): language = language == .ar ? .en : .ar
        case .character("g") where board == .units: unitGrouping = unitGrouping == .status ? .agency : .status
        case .character("u") where board == .log:
            logQuery.awaitingAcknowledgementBy = logQuery.awaitingAcknowledgementBy == nil ? agency : nil
            followingLog = true
            return .reload
        case .tab, .backTab:
            if showingDetail { detailFocused.toggle() } else { switchTo(nextBoard(key == .tab ? 1 : -1)) }
        case .up, .character("k"): return move(by: -1)
        case .down, .character("j"): return move(by: 1)
        case .pageUp: return move(by: -max(1, height - 4))
        case .pageDown: return move(by: max(1, height - 4))
        case .home: return moveTo(0, by: 1)
        case .character("g") where board != .units: return moveTo(0, by: 1)
        case .end, .character("G"):
            // On the log, the end is following live: no message is selected there.
            if board == .log { return followLog() }
            return moveTo(rowCount - 1)
        case .enter:
            if let incident = selectedIncident {
                detailReference = incident.incident.reference
                return .loadDetail
            }
            if board == .log, let open = data.message, open.message.id == openMessage {
                // In a message's detail, Enter goes on to its incident.
                guard let reference = open.message.incident else {
                    notice = localizer(.noLinkedIncident)
                    return nil
                }
                return jump(to: reference)
            }
            if let message = selectedMessage {
                openMessage = message.message.id
                detailScroll = nil
                return .loadDetail
            }
            if board == .log { notice = localizer(.nothingSelected) }
        case .character("r") where board == .log:
            guard let message = openedOrSelectedMessage?.message else {
                notice = localizer(.nothingSelected)
                return nil
            }
            open(Forms.reply(to: message, from: agency), keepingDraft: false)
        case .escape:
            closeDetail()
        case .click(_, let y):
            // Rows start under the tab bar and the column header.
            let row = BoardLayout.firstRowOffset(self) + (y - BoardLayout.firstRowY)
            if y >= BoardLayout.firstRowY, row < rowCount { return moveTo(row, by: 0) }
        default:
            break
        }
        return nil
    }

    private mutating func handlePicker(_ key: KeyPress) -> DeskEffect? {
        guard var current = picker else { return nil }
        switch key {
        case .escape: picker = nil
        case .up: current.selected = max(0, current.selected - 1)
        case .down: current.selected = max(0, min(current.entries.count - 1, current.selected + 1))
        case .enter:
            let text = current.query.value.trimmingSpaces()
            if current.kind == .search, current.answered != text {
                return text.isEmpty ? nil : .search(text)
            }
            guard let entry = current.selectedEntry else { return nil }
            picker = nil
            return choose(entry.target)
        default:
            guard current.query.editText(key) else { return nil }
            if current.kind == .palette {
                current.entries = Picker.paletteEntries(current.query.value, now: now, localizer: localizer)
                current.selected = 0
            }
        }
        if picker != nil { picker = current }
        return nil
    }

    private mutating func choose(_ target: PickerTarget) -> DeskEffect? {
        switch target {
        case .keys(let keys):
            var effect: DeskEffect?
            for key in keys { effect = handle(key) ?? effect }
            return effect
        case .incident(let reference): return jump(to: reference)
        case .message(let id): return showMessage(id)
        }
    }

    /// Opens a message whole on the log and selects it, whether or not the log's window holds it.
    mutating func showMessage(_ id: EventID) -> DeskEffect {
        switchTo(.log)
        followingLog = false
        selection.message = id
        openMessage = id
        return .loadDetail
    }

    /// A filter form's query replaces the board's; the selection starts again.
    private mutating func applyFilter(_ filter: Form) throws(ValidationError) {
        if filter.purpose == .logFilter {
            logQuery = try Forms.messageQuery(from: filter, agency: agency, year: LibyaTime.civil(now).year)
            followingLog = true
        } else {
            // The selection stays the incident it was, even when the filter hides it: nothing
            // else becomes the target of `s` or `a` without the officer choosing it.
            incidentQuery = try Forms.query(from: filter, openOnly: incidentQuery.openOnly)
        }
    }

    private mutating func switchTo(_ next: Board) {
        board = next
        closeDetail()
    }

    private mutating func closeDetail() {
        detailReference = nil
        openMessage = nil
        detailFocused = false
        detailScroll = nil
    }

    /// The message an action on the log acts on: the one whose detail is open, else the selected one.
    var openedOrSelectedMessage: MessageRecord? {
        if board == .log, let open = data.message, open.message.id == openMessage { return open }
        return selectedMessage
    }

    /// Keys that scroll a focused detail pane; nil for any other key.
    private mutating func scrollDetail(_ key: KeyPress) -> DeskEffect?? {
        let total = DetailPane.lines(self, width: DetailPane.width(self)).count
        let visible = DetailPane.visibleHeight(self)
        let last = max(0, total - visible)
        let top = detailScroll ?? DetailPane.autoTop(self)
        let page = max(1, visible - 1)
        let next: Int
        switch key {
        case .up, .character("k"): next = top - 1
        case .down, .character("j"): next = top + 1
        case .pageUp: next = top - page
        case .pageDown: next = top + page
        case .home, .character("g"): next = 0
        case .end, .character("G"): next = last
        default: return nil
        }
        detailScroll = min(max(0, next), last)
        return .some(nil)
    }

    /// Opens an incident's detail on the incidents board and selects it, whether or not the board
    /// shows it (closed, filtered out, beyond the rows read): actions then act on it.
    mutating func jump(to reference: IncidentReference) -> DeskEffect {
        switchTo(.incidents)
        selection.incident = reference
        detailReference = reference
        return .loadDetail
    }

    private func nextBoard(_ step: Int) -> Board {
        let all = Board.allCases
        let index = all.firstIndex(of: board) ?? 0
        return all[(index + step + all.count) % all.count]
    }

    private mutating func move(by delta: Int) -> DeskEffect? {
        if board == .log, followingLog {
            // Leaving live: the newest message is selected, and stays selected as others arrive.
            return delta < 0 ? moveTo(rowCount - 1, by: 0) : nil
        }
        if board == .log, delta > 0, let index = selectedIndex, index == rowCount - 1 { return followLog() }
        return moveTo(viewRow + delta, by: delta)
    }

    /// The log follows new messages again; nothing on it is selected.
    private mutating func followLog() -> DeskEffect? {
        followingLog = true
        selection.message = nil
        return nil
    }

    /// Selects the identity shown at `index` (a group header passes on in the direction of
    /// travel); an open detail follows it to the newly selected incident.
    private mutating func moveTo(_ index: Int, by direction: Int = -1) -> DeskEffect? {
        let count = rowCount
        guard count > 0 else { return nil }
        let start = min(max(0, index), count - 1)
        let step = direction > 0 ? 1 : -1
        let onward = stride(from: start, through: step > 0 ? count - 1 : 0, by: step)
        let back = stride(from: start - step, through: step > 0 ? 0 : count - 1, by: -step)
        guard let target = (Array(onward) + Array(back)).first(where: { key(atRow: $0) != nil }),
              let key = key(atRow: target) else { return nil }
        selection[board] = key
        cursorRow[board] = target
        if board == .log { followingLog = false }
        guard showingDetail else { return nil }
        // An open detail follows the selection.
        if board == .log, let id = selection.message, id != openMessage {
            openMessage = id
            detailScroll = nil
            return .loadDetail
        }
        guard let selected = selectedIncident?.incident.reference, selected != detailReference else { return nil }
        detailReference = selected
        detailScroll = nil
        return .loadDetail
    }
}
