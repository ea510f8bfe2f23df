/// A question on the bottom line ("Delete articles/welcome? y/n"); keys go
/// to it until it is answered. Esc answers "no" and does nothing.
public struct Prompt: Sendable {
    public struct Choice: Sendable {
        public var key: Character
        public var label: String
        public var action: Action

        public init(_ key: Character, _ label: String, _ action: Action) {
            self.key = key
            self.label = label
            self.action = action
        }
    }

    public var question: String
    public var choices: [Choice]

    public init(_ question: String, _ choices: [Choice]) {
        self.question = question
        self.choices = choices
    }

    /// The line as shown: the question, then `y yes · n no`.
    public var line: String {
        question + "  " + choices.map { "\($0.key) \($0.label)" }.joined(separator: " · ") + " · Esc cancel"
    }
}

/// A message box over the page (an error the server answered, the records
/// that refer to one being deleted); any key closes it.
public struct Notice: Sendable, Hashable {
    public var title: String
    public var lines: [String]

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    /// The readable form of a failure.
    public init(_ title: String, _ error: AppError) {
        self.init(title: title, lines: [error.description])
    }
}
