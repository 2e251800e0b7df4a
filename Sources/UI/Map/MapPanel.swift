import QanatCore
import QanatText

/// Beside the map: the selected place named in both languages, with what each layer counts there;
/// then the layer's legend and the keys. On the wall (no selection) the counts are Libya's.
enum MapPanel {
    struct Line {
        var text: String
        var role: StyleRole = .normal
    }

    static func draw(_ input: BoardInput, selected: Area?, into frame: inout Frame, x: Int, width: Int) {
        var y = 2
        for line in lines(input, selected: selected, width: width) where y <= input.height {
            frame.put(line.text, x: x, y: y, role: line.role, limit: width)
            y += 1
        }
    }

    /// The panel's lines for a panel `width` cells wide: at 80 columns a municipality's district
    /// takes the blank row under the names rather than be cut.
    static func lines(_ input: BoardInput, selected: Area?, width: Int) -> [Line] {
        let l = input.localizer
        var lines: [Line] = []
        var blankBelowTheName = true
        let tallies = input.data.areaTallies
        let tally: AreaTally
        if let selected {
            let other = Localizer(l.language == .ar ? .en : .ar, digits: l.digits)
            lines.append(Line(text: selected.name(in: l.language), role: .title))
            lines.append(Line(text: selected.name(in: other.language), role: .title))
            if selected.kind == .district {
                let count = Gazetteer.libya.areas.filter { $0.district == selected.id }.count
                lines.append(Line(text: "\(l(MapText.district)) · \(l.number(count)) \(l(MapText.municipalities))"))
            } else {
                let district = Gazetteer.libya.district(of: selected.id)?.name(in: l.language) ?? ""
                let kind = "\(l(MapText.municipality)) · \(district)"
                blankBelowTheName = DisplayWidth.of(kind) <= width
                lines.append(
                    contentsOf: blankBelowTheName
                        ? [Line(text: kind)] : [Line(text: l(MapText.municipality)), Line(text: district)])
            }
            tally = tallies?.total(of: selected) ?? AreaTally()
        } else {
            lines.append(Line(text: l(MapText.wholeCountry), role: .title))
            tally = tallies?.byArea.values.reduce(AreaTally(), +) ?? AreaTally()
        }
        if blankBelowTheName { lines.append(Line(text: "")) }
        guard tallies != nil else {
            // Not read: the store said why (in the status bar), or it is being read now.
            return lines + [Line(text: l(input.storeUnreadable ? MapText.unreadable : MapText.reading), role: .dim)]
        }
        let open = tally.incidentCount
        lines.append(Line(text: "\(l(MapLayer.incidents)): \(l.number(open))", role: open > 0 ? .normal : .dim))
        // Zoomed into a district, what is recorded for the district as a whole is at its centre, in
        // the cell of the municipality there: said, so that the mark's count and the panel's agree.
        if let district = input.mapDistrict, selected?.id != district, let tallies {
            let whole = tallies[district].incidentCount
            if whole > 0 {
                lines.append(Line(text: "  \(l(MapText.districtWide)): \(l.number(whole))", role: .dim))
            }
        }
        for severity in Severity.allCases.reversed() {
            let count = tally.openIncidents[severity] ?? 0
            lines.append(
                Line(
                    text: "  \(severity.mapMark) \(l(severity)) \(l.number(count))",
                    role: count > 0 ? severity.role : .dim))
        }
        let meaning = l(MapText.markMeaning)
        lines.append(Line(text: DisplayWidth.of(meaning) + 2 > width ? meaning : "  " + meaning, role: .dim))
        // A store holding incidents in areas the gazetteer does not know (planted, or from a newer
        // gazetteer): counted in Libya's figures, and said, since no mark can show them.
        let nowhere = (tallies?.byArea ?? [:]).filter { Gazetteer.libya.area(id: $0.key) == nil }.values
            .reduce(0) { $0 + $1.incidentCount }
        if nowhere > 0 {
            lines.append(Line(text: "⚠ \(l(MapText.noKnownArea)): \(l.number(nowhere))", role: .timerAlarm))
        }
        lines.append(
            Line(
                text: "■ \(l(MapLayer.units)): \(l.number(tally.unitsCommitted))",
                role: tally.unitsCommitted > 0 ? .normal : .dim))
        if selected != nil {
            let areas = selected.map(areaIDs) ?? []
            let cells = input.data.coverage.filter { areas.contains($0.key.area) }
            lines.append(
                Line(text: "\(l(MapLayer.coverage)):", role: cells.contains { !$0.flags.isEmpty } ? .normal : .dim))
            for flag in CoverageBoard.urgency {
                let count = cells.filter { $0.flags.contains(flag) }.count
                lines.append(
                    Line(
                        text: "  \(CoverageBoard.letter(flag, l)) \(l(flag)) \(l.number(count))",
                        role: count > 0 ? CoverageBoard.role(flag) : .dim))
            }
            // A district's risk exposes each of its municipalities.
            let high = input.data.risks.filter { risk in
                risk.entry.band == .high && !areas.isDisjoint(with: risk.entry.exposedAreas)
            }.count
            lines.append(Line(text: "! \(l(MapLayer.risks)): \(l.number(high))", role: high > 0 ? .normal : .dim))
            lines.append(Line(text: ""))
            lines.append(
                Line(text: l(input.mapLayer == .coverage ? MapText.listCells : MapText.listIncidents), role: .key))
            let zoom = input.mapDistrict == nil ? l(MapText.zoomIn) : l(MapText.zoomOut)
            lines.append(Line(text: zoom, role: .key))
            lines.append(Line(text: l(MapText.layers), role: .key))
        }
        return lines
    }

    /// The areas a place takes in: a district's municipalities with it.
    static func areaIDs(_ place: Area) -> Set<String> {
        place.kind == .district ? Gazetteer.libya.areaIDs(inDistrict: place.id) : [place.id]
    }
}
