import MidairCore

/// How the record commands show records and versions to people.
enum RecordText {
    static func header(_ r: Record) -> String {
        let state = r.deleted ? "  (deleted)" : ""
        return "\(r.collection)/\(r.id)  v\(r.version)  rev \(r.revision)  by \(r.updatedBy)  \(r.updatedAt)\(state)"
    }

    /// `name: value`, with multiline values indented under their name.
    static func fields(_ fields: Fields) -> String {
        fields.map { name, value in
            guard value.contains(where: \.isNewline) else { return "\(name): \(value)" }
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
            let body = (value.hasSuffix("\n") ? lines.dropLast() : lines[...]).map { "  " + $0 }
            return "\(name):\n" + body.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    static func summary(_ verb: String, _ r: Record) -> String {
        "\(verb) \(r.collection)/\(r.id) v\(r.version) (rev \(r.revision))"
    }
}
