import QanatCore
import QanatText

/// The map board: Libya in Braille cells (2×4 dots a cell) at whatever size the terminal has,
/// the current layer's marks at their areas' centres, the places named at theirs, and beside it a
/// panel on the selected place. The map does not mirror: in Arabic the panel moves to the left
/// and every word reads right to left, but east stays on the right. Empty cells are the blank
/// Braille pattern where the terminal does its own bidi, so that each row starts with a strong
/// left-to-right character and the terminal keeps its order.
enum MapBoard {
    /// The panel beside the map needs this much room; a narrower screen narrows the map.
    static let panelMinimum = 26

    /// The map's size and projection for a board `width` wide and `height` high (its header included).
    static func projection(_ input: BoardInput, width: Int) -> MapProjection {
        let rows = max(4, (input.mapHeight ?? input.height) - 1)
        let box = MapPlaces.box(zoomedInto: input.mapDistrict)
        let fitted = MapProjection.columns(for: box, rows: rows)
        let columns = max(10, min(fitted, width - panelMinimum - 2))
        return MapProjection(box: box, columns: min(columns, width), rows: rows)
    }

    static func draw(_ input: BoardInput, into frame: inout Frame, width: Int) {
        let l = input.localizer
        let projection = projection(input, width: width)
        let selected = input.mapArea.flatMap { MapPlaces.selected($0, zoomedInto: input.mapDistrict) }
        frame.fill(x: 0, y: 1, width: width, role: .header)
        let place = input.mapDistrict.flatMap { Gazetteer.libya.area(id: $0)?.name(in: l.language) } ?? l(MapText.libya)
        frame.put(pieces: [l(.map(.board)), place, l(input.mapLayer)], x: 1, y: 1, role: .header, limit: width - 2)
        var map = Frame(
            width: projection.columns, height: projection.rows,
            layout: TextLayout(mirrored: false, reordered: frame.layout.reordered))
        drawMap(input, selected: selected, projection: projection, into: &map)
        frame.blit(map, x: 0, y: 2)
        if input.blankBraille {
            // Between the map and the panel too: an Arabic name at the map's edge and the panel's
            // Arabic would otherwise run together.
            for row in 0..<projection.rows {
                frame.fill(
                    x: projection.columns, y: 2 + row, width: 2, role: .normal, text: BrailleOutline.characters[0])
            }
        }
        let panelX = projection.columns + 2
        if width - panelX >= 10 {
            MapPanel.draw(input, selected: selected, into: &frame, x: panelX, width: width - panelX)
        }
    }

    /// The map itself, in a frame that is never mirrored.
    static func drawMap(_ input: BoardInput, selected: Area?, projection: MapProjection, into map: inout Frame) {
        let blank = input.blankBraille ? BrailleOutline.characters[0] : " "
        let outline = BrailleOutline.cells(projection)
        for row in 0..<projection.rows {
            for column in 0..<projection.columns {
                let dots = outline[row * projection.columns + column]
                map.fill(
                    x: column, y: row, width: 1, role: dots == 0 ? .normal : .dim,
                    text: dots == 0 ? blank : BrailleOutline.characters[Int(dots)])
            }
        }
        var taken = Set<MapCell>()
        // Marks: the layer's, an area's at its centre, several in a cell merged.
        var inCells: [MapCell: MapMark] = [:]
        let byArea = MapMark.byArea(input.mapLayer, input)
        for (id, mark) in byArea where id != input.mapDistrict {
            // Zoomed into a district, what is recorded for it as a whole lies in no municipality: the
            // panel says it apart, rather than a mark on the town at its centre that Enter there
            // would not list.
            guard let area = Gazetteer.libya.area(id: id), let cell = projection.cell(of: area) else { continue }
            inCells[cell] = inCells[cell].map { $0.merged(with: mark) } ?? mark
        }
        let l = input.localizer
        let marks = MapMark.clustered(inCells, l)
        let cursor = selected.flatMap { projection.cell(of: $0) }
        for (cell, mark) in marks {
            map.put(mark.text, x: cell.column, y: cell.row, role: cell == cursor ? .selected : mark.role, limit: 1)
            taken.insert(cell)
        }
        if let cursor, marks[cursor] == nil {
            map.put("+", x: cursor.column, y: cursor.row, role: .selected, limit: 1)
            taken.insert(cursor)
        }
        // Counts east of their marks, the most urgent first, where nothing else stands.
        for (cell, mark) in marks.sorted(by: { ($0.value.rank, $0.value.count) > ($1.value.rank, $1.value.count) }) {
            let text = MapMark.countText(mark.count, l)
            // An Arabic letter's count, where the terminal does its own bidi, a Braille cell further
            // on: touching the letter it would join its right-to-left run and stand before it.
            let gap =
                input.blankBraille && mark.text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } ? 1 : 0
            let span = (1...(DisplayWidth.of(text) + gap)).map { MapCell(column: cell.column + $0, row: cell.row) }
            guard span.allSatisfy({ $0.column < projection.columns && !taken.contains($0) }) else { continue }
            map.put(text, x: cell.column + 1 + gap, y: cell.row, role: cell == cursor ? .selected : mark.role)
            taken.formUnion(span)
        }
        drawLabels(
            input, selected: selected, weight: byArea.mapValues(\.count), projection: projection, taken: &taken,
            into: &map)
    }

    /// The places' names, under their centres (or over them), where they fit without covering a
    /// mark or another name: the selected place's first, then those with most on the layer.
    static func drawLabels(
        _ input: BoardInput, selected: Area?, weight: [String: Int], projection: MapProjection,
        taken: inout Set<MapCell>,
        into map: inout Frame
    ) {
        let l = input.localizer
        let places = MapPlaces.places(zoomedInto: input.mapDistrict)
        func total(_ area: Area) -> Int {
            area.kind == .district
                ? Gazetteer.libya.areaIDs(inDistrict: area.id).reduce(0) { $0 + (weight[$1] ?? 0) }
                : weight[area.id] ?? 0
        }
        let order = places.enumerated().sorted { a, b in
            let (selectedA, selectedB) = (a.element.id == selected?.id, b.element.id == selected?.id)
            if selectedA != selectedB { return selectedA }
            let (totalA, totalB) = (total(a.element), total(b.element))
            return totalA != totalB ? totalA > totalB : a.offset < b.offset
        }.map(\.element)
        for place in order {
            guard let centre = projection.cell(of: place) else { continue }
            let name = l(place.shortNames)
            let width = min(DisplayWidth.of(UntrustedText.sanitized(name)), max(1, projection.columns - 2))
            // Under its centre (over it on the last row), and across its column, so that a name is
            // never read as a neighbour's: shifted at most to either end of itself, else left out.
            // Never from the first column: a row must start with a Braille cell (see above).
            let row = centre.row + 1 < projection.rows ? centre.row + 1 : centre.row - 1
            let centred = centre.column - width / 2
            var starts = [centred]
            for shift in 1..<max(1, width) { starts += [centred - shift, centred + shift] }
            starts.removeAll { start in
                start < 1 || start + width > projection.columns || start > centre.column
                    || centre.column >= start + width
            }
            // A cell of the map each side, clear of any mark, count or name: two names side by side
            // read as one, and where the terminal does its own bidi an Arabic name touching a mark
            // or a count takes it into its right-to-left run and moves it (a Braille cell is strong
            // left-to-right and ends the run).
            guard row >= 0,
                let x = starts.first(where: { start in
                    !((start - 1)...(start + width)).contains { taken.contains(MapCell(column: $0, row: row)) }
                })
            else { continue }
            map.put(name, x: x, y: row, role: place.id == selected?.id ? .selected : .normal, limit: width)
            taken.formUnion((x..<(x + width)).map { MapCell(column: $0, row: row) })
        }
    }
}
