/// One reason a record was refused, pointing at the offending part of the
/// request body (RFC 6901), as the `errors` of a 422 problem carry it.
public struct ValidationError: Sendable, Hashable, Codable, CustomStringConvertible {
    public var pointer: String
    public var detail: String

    public init(pointer: String, detail: String) {
        self.pointer = pointer
        self.detail = detail
    }

    public init(field: String, _ detail: String) {
        self.init(pointer: "/fields/" + JSONPointer.escape(field), detail: detail)
    }

    public var description: String { "\(pointer): \(detail)" }
}

public enum JSONPointer {
    /// Escapes one reference token: `~` as `~0`, `/` as `~1`.
    public static func escape(_ token: String) -> String {
        token.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

extension CollectionSchema {
    /// Checks `fields` against this collection and returns them complete and in
    /// schema order (a field left out is stored as the empty string).
    ///
    /// References are checked for form only; whether the target exists is the
    /// store's question, answered inside the write transaction.
    public func validate(_ fields: Fields) -> Result<Fields, ValidationErrors> {
        var errors: [ValidationError] = []
        for name in fields.keys where field(name) == nil {
            errors.append(ValidationError(field: name, "unknown field; \(self.name) has \(self.fields.map(\.name).joined(separator: ", "))"))
        }
        var normalized = Fields()
        for f in self.fields {
            let value = fields[f.name] ?? ""
            normalized[f.name] = value
            if let problem = f.problem(with: value) { errors.append(ValidationError(field: f.name, problem)) }
        }
        return errors.isEmpty ? .success(normalized) : .failure(ValidationErrors(errors: errors))
    }
}

/// The reasons a record was refused, all at once, so a client can mark every
/// bad field in one go.
public struct ValidationErrors: Error, Sendable, Hashable, Codable {
    public var errors: [ValidationError]
    public init(errors: [ValidationError]) { self.errors = errors }
}

extension FieldSchema {
    /// What is wrong with `value` for this field, or nil when it is fine.
    public func problem(with value: String) -> String? {
        if value.isEmpty { return required ? "is required" : nil }
        if value.unicodeScalars.contains(where: { $0.value == 0 }) { return "must not contain NUL characters" }
        switch kind {
        case .multiline:
            return nil
        case .text:
            return value.contains(where: \.isNewline) ? "must be a single line" : nil
        case .integer:
            return FieldSyntax.isInteger(value) ? nil : "must be a whole number, like 42 or -7"
        case .decimal:
            return FieldSyntax.isDecimal(value) ? nil : "must be a decimal number, like 19.99"
        case .email:
            return FieldSyntax.isEmail(value) ? nil : "must be an email address, like ada@example.org"
        case .ref(let target):
            return RecordID.isValid(value) ? nil : "must be the id of a record in \(target)"
        }
    }
}

/// The syntax of the typed field kinds, in plain ASCII: what a person types.
public enum FieldSyntax {
    static func digits(_ s: Substring.UTF8View) -> Bool {
        !s.isEmpty && s.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func unsigned(_ s: String) -> Substring {
        if s.first == "-" || s.first == "+" { return s.dropFirst() }
        return Substring(s)
    }

    public static func isInteger(_ s: String) -> Bool {
        let body = unsigned(s)
        return body.utf8.count <= 18 && digits(body.utf8)
    }

    public static func isDecimal(_ s: String) -> Bool {
        let body = unsigned(s)
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard body.utf8.count <= 40, digits(parts[0].utf8) else { return false }
        return parts.count == 1 || digits(parts[1].utf8)
    }

    /// A pragmatic check: one `@`, a non-empty local part, a dotted domain,
    /// no spaces. (RFC 5322 allows more; people mean this.)
    public static func isEmail(_ s: String) -> Bool {
        guard s.utf8.count <= 254, !s.contains(where: { $0.isWhitespace || $0.isNewline }) else { return false }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }
}
