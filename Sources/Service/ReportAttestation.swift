import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// A report asked for a file on a service store: the service checks the asker's role, renders the
/// report itself (`ReportRenderer`), records `report.written` with the bytes' SHA-256, attested by
/// its own user and naming the asker's Unix user (the kernel's word), in its own journal and the
/// store, and sends the bytes after its reply. `report verify` then passes only for what the service rendered.
struct ReportAttestation {
    let store: SQLiteStore
    let owner: ServiceOwner

    func answer(_ request: ReportRequest, from caller: String) -> ServiceAnswer {
        do {
            let (kind, arguments) = try request.arguments()
            let actions = Actions(context: try store.writeContext(), reader: store, references: nil)
            let officer = try actions.context.officer(request.officer)
            let actor = try store.actor(user: caller, officer: officer, pinProven: false)
            // The role is checked on the record before the report is rendered, and again with its bytes.
            let asked = try actions.reportWritten(
                kind: kind, parameters: request.parameters, file: request.file, content: ReportContent(of: []),
                actingAgency: request.agency,
                attestedBy: owner.user)
            try Authority.check(asked.payload, agency: asked.agency, by: actor)
            let report = try ReportRenderer(storePath: store.path).render(arguments, officer: officer)
            let write = try actions.reportWritten(
                kind: kind, parameters: request.parameters, file: request.file, content: report.content,
                actingAgency: request.agency, attestedBy: owner.user)
            let now = Clock.now()
            let event = Event(
                id: .make(at: now), at: now, agency: write.agency, officer: officer, user: caller,
                payload: write.payload, received: now)
            try JournalWriter(path: StoreFiles.serviceJournal(beside: store.path)).append(event)
            try store.apply([event])
            return ServiceAnswer(ServiceReply(caller: caller, report: report.content), report: report)
        } catch let refusal as Refusal {
            return ServiceAnswer(
                ServiceReply(caller: caller, refusal: "\(refusal); nothing was written", refused: true))
        } catch let refused as ReportRequest.Refused {
            // A request the service will not render (or a report that says why it cannot be made).
            return ServiceAnswer(ServiceReply(caller: caller, refusal: refused.description, refused: true))
        } catch {
            return ServiceAnswer(ServiceReply(caller: caller, refusal: "\(error)"))
        }
    }
}
