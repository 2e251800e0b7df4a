import ArgumentParser
import Foundation
import QanatCore
import QanatHub
import QanatStore

/// The hub's admin's commands (`hub init`, `hub site add`, `hub sites`), and a site's view of its
/// relay (`hub status`).
struct HubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "The PostgreSQL hub every site relays through: make it, register sites, see a site's link.",
        discussion: """
            The hub is a PostgreSQL 15 database. `qanat hub init URL` makes its schema, the role every site joins \
            and the row-level security that lets a site insert only its own events, for the agencies it hosts; \
            `qanat hub site add CODE --agency A URL` registers a site and prints the URL its service connects with. \
            Both run with a role that may create roles (the database's owner).
            """,
        subcommands: [Init.self, SiteGroup.self, Sites.self, Status.self, Refill.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Make the hub's schema, roles and row-level security (again: brings them up to date).")

        @Argument(help: "The hub database's URL, with a role that may create roles: postgres://ROLE:PASSWORD@HOST/DB.")
        var url: String

        func run() throws {
            let address = try HubCommand.address(url)
            do { try HubAdmin.initialise(address) } catch { throw CLIError.from(error) }
            print("hub:     \(address): schema qanat, role qanat_site, row-level security on")
        }
    }

    /// `hub site add`: the sites' own group of commands, as `hub sites` lists them.
    struct SiteGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "site", abstract: "Register a site at the hub, or add agencies it hosts.",
            subcommands: [Add.self, Host.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract:
                    "Register a site with the agencies it hosts; prints, last, the URL its service connects with.",
                discussion: """
                    `qanat hub site add BGZ --agency NCEMC --agency LRC URL`. The site's events may speak only for \
                    those agencies: the hub refuses any other, and so does every other site. Keep the printed URL \
                    where only the site's service user reads it (its password is the site's credential).
                    """)

            @Argument(help: "The site's code: 2-6 Latin letters (TRP, BGZ, SBH).") var code: String
            @Option(help: "An agency the site hosts; repeat for each.") var agency: [String] = []
            @Argument(help: "The hub database's URL, with a role that may create roles.") var url: String

            func validate() throws {
                guard !agency.isEmpty else { throw ValidationError("--agency: give each agency the site hosts") }
            }

            func run() throws {
                let address = try HubCommand.address(url)
                let (site, agencies) = try SiteGroup.checked(code, agency)
                let siteURL: String
                do { siteURL = try HubAdmin.addSite(site, agencies: agencies, at: address) } catch {
                    throw CLIError.from(error)
                }
                print("site:    \(site), hosting \(agencies.map(\.rawValue).joined(separator: ", "))")
                print(siteURL)
            }
        }

        struct Host: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "host",
                abstract: "Add agencies a registered site hosts.",
                discussion: """
                    `qanat hub site host BGZ --agency LRA URL`. An agency is never taken from a site: the events it \
                    relayed for it were judged by every site when they arrived, and a site that joins later must \
                    judge them the same. A site registered with a wrong agency is given the right one beside it.
                    """)

            @Argument(help: "The site's code.") var code: String
            @Option(help: "An agency the site hosts from now on; repeat for each.") var agency: [String] = []
            @Argument(help: "The hub database's URL, with the hub admin's role.") var url: String

            func validate() throws {
                guard !agency.isEmpty else { throw ValidationError("--agency: give each agency to add") }
            }

            func run() throws {
                let address = try HubCommand.address(url)
                let (site, agencies) = try SiteGroup.checked(code, agency)
                let hosted: [AgencyCode]
                do { hosted = try HubAdmin.host(agencies, at: site, address: address) } catch {
                    throw CLIError.from(error)
                }
                print("site:    \(site), hosting \(hosted.map(\.rawValue).joined(separator: ", "))")
            }
        }

        /// The site's code and its agencies, each once; an agency qanat does not seed is named, as a
        /// typo would be (an organisation the stores register is fine).
        static func checked(_ code: String, _ agencies: [String]) throws(CLIError) -> (SiteCode, [AgencyCode]) {
            do {
                let site = try SiteCode(code)
                var unique: [AgencyCode] = []
                for agency in agencies {
                    let parsed = try AgencyCode(agency)
                    if !unique.contains(parsed) { unique.append(parsed) }
                }
                let seeded = Set(Agency.seed.map(\.code))
                for agency in unique where !seeded.contains(agency) {
                    FileHandle.standardError.write(
                        Data(
                            ("note: \(agency) is none of the agencies qanat seeds ("
                                + Agency.seed.map(\.code.rawValue).joined(separator: ", ")
                                + "); an organisation your stores register with `qanat org add` is fine\n").utf8))
                }
                return (site, unique)
            } catch { throw .badData("\(error)") }
        }
    }

    struct Sites: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sites", abstract: "The sites the hub registers, with the agencies each hosts.")

        @Argument(help: "The hub database's URL (a site's own will do).") var url: String

        func run() throws {
            let address = try HubCommand.address(url)
            let registry: SiteRegistry
            do { registry = try HubAdmin.sites(at: address) } catch { throw CLIError.from(error) }
            for site in registry.sites.values.sorted(by: { $0.code < $1.code }) {
                print("\(site.code)  \(site.agencies.map(\.rawValue).sorted().joined(separator: " "))")
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "This site's link to the hub, as its service last found it.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let opened = try store.readingStore()
            let site: SiteCode?
            do { site = try opened.site() } catch { throw CLIError.from(error) }
            let status = RelayFile.read(beside: store.databasePath)
            guard let site else {
                throw CLIError.usage("\(store.databasePath) is no site's store (`qanat init --site`)")
            }
            print("site:    \(site)")
            guard let status else {
                print("hub:     not yet reached (is `qanat serve --hub` running?)")
                return
            }
            print(
                "hub:     \(status.reachable ? "reachable" : "unreachable") since \(status.checked.rfc3339)"
                    + (status.problem.map { ": \(terminalSafe($0))" } ?? ""))
            print("waiting: \(status.waiting) event(s) to go out")
        }
    }

    struct Refill: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refill",
            abstract: "Push every event this site's store holds to the hub, each with its origin: a hub rebuilt empty.",
            discussion: """
                Run at any one site with the hub admin's URL (after `hub init` and `hub site add` for each site on \
                the new hub): every site keeps every event, so one site's store refills the hub, and every site's \
                service pushes what the hub lacks of its own when it next connects.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The hub database's URL, with the hub admin's role.") var url: String

        func run() throws {
            let address = try HubCommand.address(url)
            let opened: SQLiteStore
            do { opened = try SQLiteStore(path: store.databasePath, options: .init(readOnly: true)) } catch {
                throw CLIError.from(error)
            }
            let site: SiteCode?
            do { site = try opened.site() } catch { throw CLIError.from(error) }
            guard let site else {
                throw CLIError.usage("\(store.databasePath) is no site's store (`qanat init --site`)")
            }
            let progress = ProgressLine(quiet: false)
            let added: Int
            do {
                added = try HubAdmin.refill(from: opened, site: site, at: address) { sent in
                    progress.update(done: sent, unit: "events", fraction: nil)
                }
            } catch { throw CLIError.from(error) }
            progress.finish()
            print("refilled: \(added) event(s) the hub lacked, from site \(site)")
        }
    }

    static func address(_ url: String) throws(CLIError) -> HubAddress {
        do { return try HubAddress(url) } catch { throw .usage("the hub's URL: \(error)") }
    }
}

extension CLIError {
    static func from(_ error: HubError) -> CLIError {
        switch error {
        case .address, .notASite: .usage(error.description)
        case .unreachable: .storeUnavailable(error.description)
        case .refused, .site: .badData(error.description)
        }
    }
}
