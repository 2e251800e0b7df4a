import QanatCore

/// Reads the members of one JSON object by name, naming the path of any field that is missing,
/// of the wrong type, or not expected here.
struct FieldReader {
    let path: String
    let members: [String: JSONValue]

    init(path: String, value: JSONValue, allowed: [String]) throws(LineError) {
        guard case .object(let members) = value else {
            if path.isEmpty { throw LineError.notAnObject }
            throw LineError.wrongType(field: path, expected: "an object", found: value.kindName)
        }
        for key in members.keys where !allowed.contains(key) {
            throw LineError.unknownField(fieldPath(path, key), allowed: allowed)
        }
        self.path = path
        self.members = members
    }

    func name(_ key: String) -> String { fieldPath(path, key) }

    func optionalString(_ key: String) throws(LineError) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw LineError.wrongType(field: name(key), expected: "a string", found: other.kindName)
        }
    }

    func string(_ key: String) throws(LineError) -> String {
        guard let text = try optionalString(key) else {
            throw LineError.field(ValidationError(field: name(key), value: "", problem: .missing))
        }
        return text
    }

    func optionalInteger(_ key: String) throws(LineError) -> Int? {
        switch members[key] {
        case nil, .null?: return nil
        case .number(let text)?:
            guard let value = Int(text) else {
                throw LineError.wrongType(field: name(key), expected: "a whole number", found: text)
            }
            return value
        case let other?: throw LineError.wrongType(field: name(key), expected: "a whole number", found: other.kindName)
        }
    }

    func bool(_ key: String, default fallback: Bool) throws(LineError) -> Bool {
        switch members[key] {
        case nil, .null?: return fallback
        case .bool(let value)?: return value
        case let other?: throw LineError.wrongType(field: name(key), expected: "true or false", found: other.kindName)
        }
    }

    /// An array of strings; a single string is taken as a comma-separated list.
    func strings(_ key: String) throws(LineError) -> [String]? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text.split(separator: ",").map(String.init)
        case .array(let values)?:
            var result: [String] = []
            for value in values {
                guard case .string(let text) = value else {
                    throw LineError.wrongType(
                        field: name(key), expected: "an array of strings", found: "an array holding \(value.kindName)")
                }
                result.append(text)
            }
            return result
        case let other?:
            throw LineError.wrongType(field: name(key), expected: "an array of strings", found: other.kindName)
        }
    }

    func reader(_ key: String, allowed: [String]) throws(LineError) -> FieldReader {
        guard let value = members[key] else {
            throw LineError.field(ValidationError(field: name(key), value: "", problem: .missing))
        }
        return try FieldReader(path: name(key), value: value, allowed: allowed)
    }

    /// Runs a Core check and reports its error under this reader's path.
    func check<T>(_ body: () throws(ValidationError) -> T) throws(LineError) -> T {
        do { return try body() } catch {
            var named = error
            if !path.isEmpty, !named.field.hasPrefix(path + ".") { named.field = name(named.field) }
            throw LineError.field(named)
        }
    }
}

func fieldPath(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
