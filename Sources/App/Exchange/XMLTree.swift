import Foundation
import QanatChannel
import QanatCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// XML as `CAPMessage.Element`s, through Foundation's parser; a document that is not well formed
/// is refused with the line the parser stopped at.
final class XMLTree: NSObject, XMLParserDelegate {
    /// A CAP alert is five elements deep (alert, info, area, geocode, value); a document nested far
    /// deeper is refused rather than built (60,000 levels overflowed the stack).
    static let deepest = 32
    private var stack: [CAPMessage.Element] = []
    private var root: CAPMessage.Element?
    private var tooDeep = false

    static func parse(_ data: Data) throws(CAPError) -> CAPMessage.Element {
        try refuseDocumentType(data)
        let tree = XMLTree()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = tree
        let parsed = parser.parse()
        if tree.tooDeep {
            throw CAPError(
                element: "line \(parser.lineNumber)",
                problem: "elements nested deeper than \(deepest) levels: no CAP alert is; nothing was read from it")
        }
        guard parsed, let root = tree.root else {
            throw CAPError(
                element: "line \(parser.lineNumber)",
                problem:
                    "not well-formed XML (\(parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"))"
            )
        }
        return root
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard stack.count < Self.deepest else {
            tooDeep = true
            parser.abortParsing()
            return
        }
        stack.append(CAPMessage.Element(name: name, namespace: namespaceURI))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
    }
}

extension XMLTree {
    /// A CAP alert needs no document type: one is refused whole, naming the entity it declares,
    /// rather than have the parser read a file (an external entity or DTD) or drop what it will not
    /// expand (an internal one). Looked for in every encoding XML allows, not only UTF-8.
    static func refuseDocumentType(_ data: Data) throws(CAPError) {
        let encodings: [String.Encoding] = [
            .utf8, .utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian,
        ]
        for encoding in encodings {
            guard let marker = "<!DOCTYPE".data(using: encoding), data.range(of: marker) != nil else { continue }
            let text = String(data: data, encoding: encoding) ?? ""
            var rest = Substring(text)
            while let found = rest.range(of: "<!ENTITY") {
                let words = rest[found.upperBound...].prefix { $0 != ">" }.split(whereSeparator: \.isWhitespace).filter
                { $0 != "%" }
                if let name = words.first {
                    let outside = words.dropFirst().first.map { $0 == "SYSTEM" || $0 == "PUBLIC" } ?? false
                    throw CAPError(
                        element: "DOCTYPE",
                        problem: outside
                            ? "external entity '\(name)' is refused, and the alert with it; nothing was read from it"
                            : "entity '\(name)' is refused: a CAP alert declares none, and its text would not be read as written"
                    )
                }
                rest = rest[found.upperBound...]
            }
            throw CAPError(
                element: "DOCTYPE",
                problem:
                    "a document type is refused: a CAP alert has none, and one could read a file or change the text")
        }
    }
}
