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
    /// Read these windows again: their query changed.
    case reload(DeskRefresh)
    /// The controller's: pause, resume or skip (the next inject).
    case controlExercise(ExerciseControl.Action, inject: Int?)
    /// Search the store for this text; the results go to the open search.
    case search(String)
    /// Read the shift handover report.
    case handover
}

extension DeskState {
    /// Applies a key: the modes first (a form, a picker, the help, the handover), then the
    /// action `KeyBindings` gives the key on this board, as htop and tig do.
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
        if confirmingQuit || confirmingSkip != nil { return answer(key) }
        if var current = form {
            let outcome = current.handle(key)
            form = current
            switch outcome {
            case .submit where [.incidentFilter, .logFilter, .coverageFilter].contains(current.purpose):
                do {
                    try applyFilter(current)
                    form = nil
                    switch current.purpose {
                    case .logFilter: return .reload(.messages)
                    case .coverageFilter: return .reload(.coordination)
                    default: return .reload(.incidents)
                    }
                } catch {
                    formRefused(error)
                }
            case .submit: return .submit(current)
            // No desk without an officer on a shared account: Esc on the sign-on form leaves.
            case .cancel where current.purpose == .signOn: return .quit
            case .cancel:
                // A draft emptied is gone: Esc keeps what is typed, not what was cleared.
                if current.holdsTypedText {
                    drafts[Self.draftKey(current.purpose)] = current
                } else if current.restored {
                    drafts[Self.draftKey(current.purpose)] = nil
                }
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
        if case .click(_, let y) = key {
            // Rows start under the tab bar and the column header.
            let row = BoardLayout.firstRowOffset(self) + (y - BoardLayout.firstRowY)
            if y >= BoardLayout.firstRowY, row < rowCount { return moveTo(row, by: 0) }
            return nil
        }
        guard
            let action = KeyBindings.action(
                for: key, on: board, detailFocused: detailFocused && showingDetail, exercise: exercise)
        else { return nil }
        return perform(action)
    }

    /// Carries out a binding's action: from its key, or from the palette.
    mutating func perform(_ action: DeskAction) -> DeskEffect? {
        if let reason = unavailable(action) {
            notice = reason
            return nil
        }
        switch action {
        case .quit:
            if holdsUnsentText { confirmingQuit = true } else { return .quit }
        case .help:
            overlay = .help
            helpPage = 0
        case .handover: return .handover
        case .openAlert:
            guard let alert = alerts.first else { return nil }
            switch alert.subject {
            case .incident(let reference): return jump(to: reference)
            case .message(let id): return showMessage(id)
            }
        case .search: picker = Picker(kind: .search)
        case .palette:
            var palette = Picker(kind: .palette)
            palette.entries = Picker.paletteEntries(
                "", now: now, site: data.site, localizer: localizer, exercise: exercise, unavailable: unavailable)
            picker = palette
        case .postMessage: open(Forms.postMessage(incident: selectedIncident?.incident.reference.rawValue))
        case .filterIncidents: openFilter(Forms.incidentFilter(incidentQuery, language: language))
        case .filterLog: openFilter(Forms.logFilter(logQuery))
        case .filterCoverage: openFilter(Forms.coverageFilter(coverageFilter))
        case .registerActivity, .reportNeed, .makePledge:
            guard let key = selectedCell else { return nil }
            switch action {
            case .reportNeed: open(Forms.reportNeed(key, organisation: agency))
            case .makePledge:
                guard let detail = openCellDetail(key) else { return nil }
                open(Forms.makePledge(key, needs: detail.needs.filter(\.status.isOpen), organisation: agency))
            default: open(Forms.registerActivity(key, organisation: agency, today: CalendarDate(libyaDayOf: now)))
            }
        case .moveColumn(let direction):
            let onward = textLayout.mirrored ? -direction : direction
            return board == .risks ? moveLikelihood(by: onward) : moveSector(by: onward)
        case .sortIncidents:
            let orders = IncidentQuery.Order.allCases
            incidentQuery.order = orders[((orders.firstIndex(of: incidentQuery.order) ?? 0) + 1) % orders.count]
            return .reload(.incidents)
        case .openIncident:
            // On the map the place is the officer's choice: it goes into a kept draft too.
            let place = board == .map ? selectedPlace?.name(in: language) : nil
            open(Forms.openIncident(area: place ?? ""), chosen: place == nil ? [] : ["area"])
        case .registerUnit: open(Forms.registerUnit(agency: agency))
        case .reviewRisk:
            guard let cell = openRiskCell else { return nil }
            open(
                Forms.reviewRisk(RiskBoard.risks(in: cell, data.risks), today: CalendarDate(libyaDayOf: now)),
                keepingDraft: false)
        case .editUnit:
            if let unit = selectedUnit { open(Forms.editUnit(unit), keepingDraft: false) }
        case .changeStatus:
            if let incident = selectedIncident?.incident {
                open(Forms.incidentStatus(incident))
            } else if let unit = selectedUnit {
                open(Forms.unitStatus(unit))
            }
        case .assignOrAcknowledge:
            if let incident = selectedIncident?.incident {
                open(Forms.assignUnit(incident, available: freeUnits))
            } else if let message = openedOrSelectedMessage {
                return .acknowledge(messageID: message.message.id.rawValue)
            }
        case .board(let next):
            switchTo(next)
            // Response times are read only while their board is shown; the map's counts from when first shown.
            if next == .performance { return .reload(.performance) }
            if next == .map, data.areaTallies == nil { return .reload(.map) }
        case .language: language = language == .ar ? .en : .ar
        case .groupUnits: unitGrouping = unitGrouping == .status ? .agency : .status
        case .awaitingUs:
            logQuery.awaitingAcknowledgementBy = logQuery.awaitingAcknowledgementBy == nil ? agency : nil
            followingLog = true
            return .reload(.messages)
        case .nextPane(let step):
            if showingDetail { detailFocused.toggle() } else { switchTo(nextBoard(step)) }
        case .move(let delta): return move(by: delta)
        case .movePage(let direction): return move(by: direction * max(1, height - 4))
        case .first: return moveTo(0, by: 1)
        case .last:
            // On the log, the end is following live: no message is selected there.
            if board == .log { return followLog() }
            return moveTo(rowCount - 1)
        case .details: return openDetails()
        case .reply:
            if let message = openedOrSelectedMessage?.message {
                open(Forms.reply(to: message, from: agency), keepingDraft: false)
            }
        case .back:
            if board == .map {
                zoomMap(in: false)
            } else if let effect = returnToMap() {
                return effect
            } else {
                closeDetail()
            }
        case .moveOnMap(let direction): moveOnMap(direction)
        case .zoomIn: zoomMap(in: true)
        case .zoomOut: zoomMap(in: false)
        case .mapLayer(let layer): mapLayer = layer
        case .exercisePlay, .exerciseSkip, .exerciseInject: return exerciseControl(action)
        case .scrollLine(let delta): scrollDetail { top, _, _ in top + delta }
        case .scrollPage(let direction): scrollDetail { top, page, _ in top + direction * page }
        case .scrollTop: scrollDetail { _, _, _ in 0 }
        case .scrollEnd: scrollDetail { _, _, last in last }
        }
        return nil
    }

    /// Enter: an incident's detail; on the log a message whole, and from there its incident; on
    /// the coverage board a cell's needs, activities, pledges and organisations.
    private mutating func openDetails() -> DeskEffect? {
        if board == .map { return listOnMap() }
        if board == .risks {
            guard let cell = selection.riskCell else {
                notice = localizer(.nothingSelected)
                return nil
            }
            openRiskCell = cell
            detailScroll = nil
            return .loadDetail
        }
        if board == .coverage {
            guard let key = selection.cell, selectedIndex != nil else {
                notice = localizer(.nothingSelected)
                return nil
            }
            guard data.coverage.contains(where: { $0.key == key }) else {
                notice = localizer(.noCoverage)
                return nil
            }
            openCell = key
            detailScroll = nil
            return .loadDetail
        }
        if let incident = selectedIncident {
            detailReference = incident.incident.reference
            return .loadDetail
        }
        if board == .units {
            guard let unit = selectedUnit else {
                notice = localizer(.nothingSelected)
                return nil
            }
            openUnit = unit.callSign
            detailScroll = nil
            return .loadDetail
        }
        if board == .log, let open = data.message, open.message.id == openMessage {
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
                current.entries = Picker.paletteEntries(
                    current.query.value, now: now, site: data.site, localizer: localizer, exercise: exercise,
                    unavailable: unavailable)
                current.selected = 0
            }
        }
        if picker != nil { picker = current }
        return nil
    }

    private mutating func choose(_ target: PickerTarget) -> DeskEffect? {
        switch target {
        case .action(let action, let board):
            if let board, board != self.board { switchTo(board) }
            return perform(action)
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

    /// A filter form, or what was typed in it before Esc: filters change no data, so a read-only
    /// desk opens them too.
    private mutating func openFilter(_ fresh: Form) {
        if var draft = drafts.removeValue(forKey: Self.draftKey(fresh.purpose)) {
            draft.restored = true
            form = draft
        } else {
            form = fresh
        }
    }

    /// A filter form's query replaces the board's; the selection starts again.
    private mutating func applyFilter(_ filter: Form) throws(ValidationError) {
        if filter.purpose == .coverageFilter {
            coverageFilter = try Forms.coverageFilter(from: filter)
        } else if filter.purpose == .logFilter {
            let query = try Forms.messageQuery(
                from: filter, agency: agency, year: LibyaTime.civil(now).year, site: data.site)
            try requireKnown(query.agency)
            logQuery = query
            followingLog = true
        } else {
            // The selection stays the incident it was, even when the filter hides it: nothing
            // else becomes the target of `s` or `a` without the officer choosing it.
            let query = try Forms.query(from: filter)
            try requireKnown(query.agency)
            incidentQuery = query
        }
    }

    /// A filter's agency is one the channel knows: a mistyped code must not read as "no messages".
    private func requireKnown(_ code: AgencyCode?) throws(ValidationError) {
        guard let code, !data.agencies.isEmpty, !data.agencies.contains(code) else { return }
        throw ValidationError(
            field: "agency", value: code.rawValue, problem: .notOneOf(data.agencies.map(\.rawValue).sorted()))
    }

    mutating func switchTo(_ next: Board) {
        if next != mapReturn?.board { leaveMapList() }
        board = next
        closeDetail()
    }

    private mutating func closeDetail() {
        detailReference = nil
        openMessage = nil
        openCell = nil
        openRiskCell = nil
        openUnit = nil
        detailFocused = false
        detailScroll = nil
    }

    /// The message an action on the log acts on: the one whose detail is open, else the selected one.
    var openedOrSelectedMessage: MessageRecord? {
        if board == .log, let open = data.message, open.message.id == openMessage { return open }
        return selectedMessage
    }

    /// Scrolls a focused detail pane to where `target` says, from its top, a page and its last top.
    private mutating func scrollDetail(_ target: (_ top: Int, _ page: Int, _ last: Int) -> Int) {
        let total = DetailPane.lines(self, width: DetailPane.width(self)).count
        let visible = DetailPane.visibleHeight(self)
        let last = max(0, total - visible)
        let top = detailScroll ?? DetailPane.autoTop(self)
        detailScroll = min(max(0, target(top, max(1, visible - 1), last)), last)
    }

    /// Opens an incident's detail on the incidents board and selects it, whether or not the board
    /// shows it (closed, filtered out, beyond the rows read): actions then act on it.
    mutating func jump(to reference: IncidentReference) -> DeskEffect {
        jumpedFrom = JumpOrigin(board: board, incident: selection.incident)
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
            let key = key(atRow: target)
        else { return nil }
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
        if board == .coverage { return followCell() }
        if board == .risks {
            openRiskCell = selection.riskCell
            return .loadDetail
        }
        guard let selected = selectedIncident?.incident.reference, selected != detailReference else { return nil }
        detailReference = selected
        detailScroll = nil
        return .loadDetail
    }

    /// The next or previous sector of the selected area (`direction` counts from the start edge).
    private mutating func moveSector(by direction: Int) -> DeskEffect? {
        guard
            let current = selection.cell
                ?? key(atRow: viewRow).flatMap({ key -> CoverageCell.Key? in
                    if case .cell(let cell) = key { return cell }
                    return nil
                })
        else { return nil }
        // Filtered to one sector, the board has one column to be on.
        let sectors = coverageFilter.sector.map { [$0] } ?? Sector.allCases
        let index = (sectors.firstIndex(of: current.sector) ?? 0) + direction
        guard sectors.indices.contains(index) else { return nil }
        selection.cell = CoverageCell.Key(area: current.area, sector: sectors[index])
        return showingDetail ? followCell() : nil
    }

    /// An open cell's detail follows the selected cell.
    private mutating func followCell() -> DeskEffect? {
        guard let key = selection.cell, key != openCell else { return nil }
        openCell = key
        detailScroll = nil
        return .loadDetail
    }

    /// The next or previous likelihood of the selected impact (`direction` counts from the start edge).
    private mutating func moveLikelihood(by direction: Int) -> DeskEffect? {
        guard let current = selection.riskCell else { return nil }
        let likelihood = current.likelihood + direction
        guard RiskScale.levels.contains(likelihood) else { return nil }
        selection.riskCell = RiskCell(likelihood: likelihood, impact: current.impact)
        guard showingDetail else { return nil }
        openRiskCell = selection.riskCell
        return .loadDetail
    }
}
