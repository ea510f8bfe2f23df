import MidairCore

/// What the editor's prompts and the merge view ask of it.
public enum EditorAction: Sendable {
    /// Put the journaled draft into the form.
    case restoreDraft
    /// Forget the journaled draft.
    case dropDraft
    case discardAndLeave
    case saveAndLeave
    /// The merge view saved: edit on from that version.
    case adopt(Record)
    /// Fetch the current version and merge with it now.
    case mergeNow
}

/// The answers the editor waits for.
public enum EditorReply: Sendable, Hashable {
    case loaded
    case saved
    case created
    /// A clean form following a newer version.
    case reloaded
    /// The current version, to merge the form with.
    case mergeWith
}
