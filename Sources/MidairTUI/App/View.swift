extension App {
    /// The frame for `state` at `size`: the top page, then the question,
    /// status message or message box over it.
    public static func view(_ state: AppState, size: Size) -> Screen {
        var screen = Screen(size: size)
        guard !size.isBelowMinimum else {
            Chrome.tooSmall(&screen)
            return screen
        }
        var env = state.env
        env.size = size
        state.top?.view(&screen, env)
        if let note = state.connection.note { Chrome.statusNote(&screen, note) }
        if let prompt = state.prompt {
            Chrome.bottomLine(&screen, prompt.line, style: .warning)
            screen.cursor = nil
        } else if let flash = state.flash {
            Chrome.bottomLine(&screen, flash, style: .accent)
        }
        if let notice = state.notice {
            Chrome.box(&screen, notice)
            screen.cursor = nil
        }
        return screen
    }
}
