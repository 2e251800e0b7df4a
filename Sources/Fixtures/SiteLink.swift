import Foundation

/// A site's own network namespace, joined to the host's (where the hub runs) through a router of
/// its own (another namespace, two veth pairs): the link can be cut without a word (`cut`: the
/// router drops every packet both ways, as a failed far router or satellite does; neither end's own
/// stack sees a drop or a missing carrier) and slowed to a satellite phone's rate (`limit`, a token
/// bucket each way at the router).
public final class SiteLink {
    public let namespace: String
    /// The hub's address as the site reaches it (the host's end), and the site's own.
    public let hubAddress: String
    public let siteAddress: String
    private let router: String
    /// The router's two ends: toward the site and toward the hub.
    private let routerEnds: [String]

    public static var available: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip")
            && FileManager.default.isExecutableFile(atPath: "/usr/sbin/tc")
    }

    /// Link `number` (1…250) of this test: the site 10.77.`number`.2 behind the router's .1, the
    /// hub 10.78.`number`.1 behind the router's .2.
    public init(_ number: Int) throws {
        let tag = "\(getpid() % 10000)x\(number)"
        namespace = "qanat-site-\(tag)"
        router = "qanat-router-\(tag)"
        siteAddress = "10.77.\(number).2"
        hubAddress = "10.78.\(number).1"
        routerEnds = ["qrs\(tag)", "qrh\(tag)"]
        let (siteEnd, hostEnd) = ("qs\(tag)", "qh\(tag)")
        try Self.ip(["netns", "add", namespace])
        try Self.ip(["netns", "add", router])
        try Self.ip([
            "link", "add", siteEnd, "netns", namespace, "type", "veth", "peer", "name", routerEnds[0], "netns", router,
        ])
        try Self.ip(["link", "add", hostEnd, "type", "veth", "peer", "name", routerEnds[1], "netns", router])
        try Self.ip(["-n", namespace, "addr", "add", siteAddress + "/30", "dev", siteEnd])
        try Self.ip(["-n", router, "addr", "add", "10.77.\(number).1/30", "dev", routerEnds[0]])
        try Self.ip(["-n", router, "addr", "add", "10.78.\(number).2/30", "dev", routerEnds[1]])
        try Self.ip(["addr", "add", hubAddress + "/30", "dev", hostEnd])
        for (space, device) in [
            (namespace, siteEnd), (namespace, "lo"), (router, routerEnds[0]), (router, routerEnds[1]),
        ] {
            try Self.ip(["-n", space, "link", "set", device, "up"])
        }
        try Self.ip(["link", "set", hostEnd, "up"])
        try Self.ip(["-n", namespace, "route", "add", "10.78.\(number).0/30", "via", "10.77.\(number).1"])
        try Self.ip(["route", "add", "10.77.\(number).0/30", "via", "10.78.\(number).2"])
        _ = try SystemTool.capture(
            "/usr/sbin/ip", ["netns", "exec", router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"])
    }

    deinit { remove() }

    /// Removes both namespaces and with them every end of the pairs (and the host's route).
    public func remove() {
        for space in [namespace, router] { _ = try? Self.ip(["netns", "del", space]) }
    }

    /// The command that runs `arguments` inside the site's namespace.
    public func inside(_ arguments: [String]) -> [String] { ["/usr/sbin/ip", "netns", "exec", namespace] + arguments }

    /// Nothing crosses, and neither end is told: the router's queues hold no packet (this kernel
    /// has no netem, nor tc's drop action), so it drops each one it would forward.
    public func cut() throws { try queue(["pfifo", "limit", "0"]) }

    /// The link as it was before the cut, at its rate if it was limited.
    public func restore() throws {
        if let rate { try limit(rate: rate) } else { try queue(nil) }
    }

    /// Each direction limited to `rate` (tc's words: "64kbit", "9600bit"), as a satellite phone's link is.
    public func limit(rate: String) throws {
        self.rate = rate
        try queue(["tbf", "rate", rate, "burst", "1600", "latency", "2s"])
    }

    private var rate: String?

    /// The link at full speed again.
    public func unlimit() throws {
        rate = nil
        try queue(nil)
    }

    /// Bytes the router forwarded, both ways.
    public func bytes() throws -> Int {
        var total = 0
        for device in routerEnds {
            let counted = try SystemTool.capture(
                "/usr/sbin/ip", ["netns", "exec", router, "cat", "/sys/class/net/\(device)/statistics/tx_bytes"])
            total += Int(counted) ?? 0
        }
        return total
    }

    /// The router's root queue on both its ends: `discipline`, or the veth's own (none) when nil.
    private func queue(_ discipline: [String]?) throws {
        for device in routerEnds {
            let arguments =
                discipline.map { ["qdisc", "replace", "dev", device, "root"] + $0 } ?? [
                    "qdisc", "del", "dev", device, "root",
                ]
            _ = try SystemTool.capture("/usr/sbin/tc", ["-n", router] + arguments)
        }
    }

    @discardableResult
    private static func ip(_ arguments: [String]) throws -> String {
        try SystemTool.capture("/usr/sbin/ip", arguments)
    }
}
