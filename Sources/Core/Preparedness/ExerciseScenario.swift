/// A joint exercise as its scenario file gives it (docs/exercise-format.md): the starting
/// situation and the injects, as people wrote them. Each value is checked as any write is when
/// the exercise starts, and the whole file before its store is made.
public struct ExerciseScenario: Equatable, Sendable {
    public struct StartingIncident: Equatable, Sendable {
        /// What injects call it by (`incident = "flood"`).
        public var key: String
        public var type: String
        public var severity: String
        public var area: String
        public var title: String
        public var place: String?
        public var agency: String
        public var lead: String?
        public var people: Int?

        public init(
            key: String, type: String, severity: String, area: String, title: String, place: String? = nil,
            agency: String,
            lead: String? = nil, people: Int? = nil
        ) {
            (self.key, self.type, self.severity, self.area, self.title) = (key, type, severity, area, title)
            (self.place, self.agency, self.lead, self.people) = (place, agency, lead, people)
        }
    }

    public struct StartingUnit: Equatable, Sendable {
        public var callSign: String
        public var agency: String
        public var kind: String
        public var capabilities: [String]

        public init(callSign: String, agency: String, kind: String, capabilities: [String] = []) {
            (self.callSign, self.agency, self.kind, self.capabilities) = (callSign, agency, kind, capabilities)
        }
    }

    public struct StartingNeed: Equatable, Sendable {
        public var area: String
        public var sector: String
        public var what: String
        public var quantity: Int
        public var unit: String
        public var people: Int?
        public var organisation: String
        public var incident: String?

        public init(
            area: String, sector: String, what: String, quantity: Int, unit: String, people: Int? = nil,
            organisation: String,
            incident: String? = nil
        ) {
            (self.area, self.sector, self.what, self.quantity, self.unit) = (area, sector, what, quantity, unit)
            (self.people, self.organisation, self.incident) = (people, organisation, incident)
        }
    }

    public struct Inject: Equatable, Sendable {
        /// Seconds of scenario time after the start.
        public var at: Int
        public var from: String
        public var to: [String]
        public var channel: String?
        public var priority: String?
        public var text: String
        /// A starting incident's key.
        public var incident: String?
        public var expect: String?
        public var by: String?
        public var within: Int?

        public init(
            at: Int, from: String, to: [String], channel: String? = nil, priority: String? = nil, text: String,
            incident: String? = nil,
            expect: String? = nil, by: String? = nil, within: Int? = nil
        ) {
            (self.at, self.from, self.to, self.channel, self.priority, self.text) = (
                at, from, to, channel, priority, text
            )
            (self.incident, self.expect, self.by, self.within) = (incident, expect, by, within)
        }
    }

    public var name: String
    public var nameArabic: String?
    public var stopPhrase: String?
    /// The agency the controller's desk acts for; the scenario's injects are posted in the names of their `from`.
    public var controller: String?
    public var incidents: [StartingIncident] = []
    public var units: [StartingUnit] = []
    public var needs: [StartingNeed] = []
    public var injects: [Inject] = []

    public init(name: String, nameArabic: String? = nil, stopPhrase: String? = nil, controller: String? = nil) {
        self.name = name
        self.nameArabic = nameArabic
        self.stopPhrase = stopPhrase
        self.controller = controller
    }

    /// What holds the file together, beyond each value's own check: keys are unique and known, the
    /// stop phrase is in no inject (an inject would otherwise stop its own exercise).
    public func check() throws(ValidationError) {
        guard !injects.isEmpty else { throw ValidationError(field: "injects", value: "", problem: .empty) }
        var keys: Set<String> = []
        for (index, incident) in incidents.enumerated() where !keys.insert(incident.key).inserted {
            throw ValidationError(
                field: "incidents[\(index + 1)].key", value: incident.key,
                problem: .malformed(expected: "a key no other incident has"))
        }
        var callSigns: Set<String> = []
        for (index, unit) in units.enumerated() where !callSigns.insert(unit.callSign.uppercased()).inserted {
            throw ValidationError(
                field: "units[\(index + 1)].call_sign", value: unit.callSign,
                problem: .malformed(expected: "a call sign no other unit has"))
        }
        for (index, need) in needs.enumerated() {
            if let key = need.incident, !keys.contains(key) {
                throw ValidationError(
                    field: "needs[\(index + 1)].incident", value: key, problem: .notOneOf(keys.sorted()))
            }
        }
        for (index, inject) in injects.enumerated() {
            let field = "injects[\(index + 1)]"
            if let key = inject.incident, !keys.contains(key) {
                throw ValidationError(field: field + ".incident", value: key, problem: .notOneOf(keys.sorted()))
            }
            if ExerciseStart.carries(inject.text, phrase: stopPhrase) {
                throw ValidationError(field: field + ".text", value: stopPhrase ?? "", problem: .carriesStopPhrase)
            }
        }
    }
}
