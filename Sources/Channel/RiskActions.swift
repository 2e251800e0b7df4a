import QanatCore
import QanatStore

/// The risk register's writes: supervisors add and change risks; the owner's operators record
/// reviews (a review is the owner's event).
extension Actions {
    public struct RiskFields {
        public var hazard: String?
        public var title: String?
        public var areas: [String]?
        public var likelihood: Int?
        public var impact: Int?
        public var owner: String?
        public var mitigations: [String]?
        public var plan: String?
        public var resources: [String]?
        public var review: String?

        public init(
            hazard: String? = nil, title: String? = nil, areas: [String]? = nil, likelihood: Int? = nil,
            impact: Int? = nil,
            owner: String? = nil, mitigations: [String]? = nil, plan: String? = nil, resources: [String]? = nil,
            review: String? = nil
        ) {
            self.hazard = hazard
            self.title = title
            self.areas = areas
            self.likelihood = likelihood
            self.impact = impact
            self.owner = owner
            self.mitigations = mitigations
            self.plan = plan
            self.resources = resources
            self.review = review
        }

        func values(id: RecordID) -> [String: FieldValue?] {
            [
                "risk": .text(id.rawValue), "hazard": hazard.map(FieldValue.text), "title": title.map(FieldValue.text),
                "areas": areas.map(FieldValue.list), "likelihood": likelihood.map(FieldValue.integer),
                "impact": impact.map(FieldValue.integer),
                "owner": owner.map(FieldValue.text), "mitigations": mitigations.map(FieldValue.list),
                "plan": plan.map(FieldValue.text),
                "resources": resources.map(FieldValue.list), "review": review.map(FieldValue.text),
            ]
        }
    }

    public func addRisk(_ fields: RiskFields, actingAgency: String, at now: Timestamp) throws -> Write {
        var given = fields
        given.areas = fields.areas ?? []
        let payload = try context.payload(.riskRegistered, given.values(id: RecordID.make(at: now)))
        return (try context.knownAgency(actingAgency, field: "agency"), payload)
    }

    public func updateRisk(id typed: String, _ fields: RiskFields, actingAgency: String) throws -> Write {
        let risk = try riskRecord(typed)
        let payload = try context.payload(.riskUpdated, fields.values(id: risk.id))
        guard case .riskUpdated(let change) = payload, !change.isEmpty else {
            throw ChannelError.nothingToChange(options: [
                "--hazard", "--title", "--area", "--likelihood", "--impact", "--owner", "--mitigation",
                "--plan", "--resource", "--review",
            ])
        }
        return (try context.knownAgency(actingAgency, field: "agency"), payload)
    }

    /// A review is written for the risk's owner: an operator of another organisation is refused.
    public func reviewRisk(id typed: String, note: String?, next: String?, at now: Timestamp = Clock.now()) throws
        -> Write
    {
        let risk = try riskRecord(typed)
        let today = CalendarDate(libyaDayOf: now)
        if let next, let day = try? CalendarDate(next, field: "next"), day < today {
            throw ValidationError(
                field: "next", value: next,
                problem: .malformed(expected: "today (\(today)) or later: the next review is still to come"))
        }
        let payload = try context.payload(
            .riskReviewed,
            [
                "risk": .text(risk.id.rawValue), "note": note.map(FieldValue.text),
                "next": next.map(FieldValue.text),
            ])
        return (risk.entry.owner, payload)
    }

    private func riskRecord(_ typed: String) throws -> Risk {
        let id = try recordID(.risk, typed)
        guard let store else { throw ChannelError.needsStore("a risk is changed from what the store holds") }
        guard let risk = try storeCall({ () throws(StoreError) in try store.risk(id) }) else {
            throw ValidationError(field: "risk", value: typed, problem: .unknown(what: "risk"))
        }
        return risk
    }
}
