import ArgumentParser
import Foundation
import MidairCore

/// `name=value` arguments. A value that starts with `@` is read from the named
/// file (`@-` is standard input), as curl and httpie do; `@@` keeps a literal `@`.
enum FieldAssignments {
    static func parse(_ arguments: [String]) throws -> Fields {
        var fields = Fields()
        for argument in arguments {
            guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else {
                throw ValidationError("'\(argument)' is not a field assignment; write name=value")
            }
            let name = String(argument[..<eq])
            guard fields[name] == nil else { throw ValidationError("field '\(name)' is given twice") }
            fields[name] = try value(String(argument[argument.index(after: eq)...]), for: name)
        }
        return fields
    }

    private static func value(_ raw: String, for name: String) throws -> String {
        if raw.hasPrefix("@@") { return String(raw.dropFirst()) }
        guard raw.hasPrefix("@") else { return raw }
        let path = String(raw.dropFirst())
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw ValidationError("cannot read '\(path)' for field '\(name)'") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("'\(path)' for field '\(name)' is not UTF-8 text")
        }
        return text
    }
}

/// `collection/id` as the record commands take it.
struct RecordPath: ExpressibleByArgument, CustomStringConvertible {
    var collection: String
    var id: String

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        collection = String(parts[0])
        id = String(parts[1])
    }

    var description: String { "\(collection)/\(id)" }

    static var defaultCompletionKind: CompletionKind { .default }
}
