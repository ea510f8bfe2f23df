import Testing

/// The end-to-end scripts of Tests/e2e, one at a time: they share the tmux
/// server and each measures a real terminal, so they must not interleave.
@Suite("end to end, in real terminals", .serialized)
struct EndToEndTests {}
