import Foundation

/// Fresh private directories for tests, with short paths: a unix socket
/// path must fit in 107 bytes.
public enum TemporaryDirectory {
    public static func make() throws -> String {
        let base = NSTemporaryDirectory().utf8.count < 48 ? NSTemporaryDirectory() : "/tmp/"
        var template = Array((base + (base.hasSuffix("/") ? "" : "/") + "midair-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: base, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        return String(cString: made)
    }
}
