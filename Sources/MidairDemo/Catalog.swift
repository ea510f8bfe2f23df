/// The scenarios that come with midair: Assets/demos/*.demo, compiled
/// into the binary, in the order `--list` shows them.
public enum Catalog {
    public static let names = [
        "concurrent-edit", "duplicate-create", "delete-referenced", "idempotent-retry",
        "inventory-race", "stale-cache", "lock",
    ]

    /// The script of a built-in scenario, or nil for another name.
    public static func script(named name: String) -> String? {
        let bytes: [UInt8]? = switch name {
        case "concurrent-edit": PackageResources.concurrent_edit_demo
        case "duplicate-create": PackageResources.duplicate_create_demo
        case "delete-referenced": PackageResources.delete_referenced_demo
        case "idempotent-retry": PackageResources.idempotent_retry_demo
        case "inventory-race": PackageResources.inventory_race_demo
        case "stale-cache": PackageResources.stale_cache_demo
        case "lock": PackageResources.lock_demo
        default: nil
        }
        return bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The parsed scenario, or nil for a name that is not built in.
    static func scenario(named name: String) throws(ScriptError) -> Scenario? {
        guard let text = script(named: name) else { return nil }
        return try ScriptParser.parse(text, name: name, file: "\(name).demo")
    }

    /// Every built-in scenario, parsed.
    public static func all() throws(ScriptError) -> [Scenario] {
        var scenarios: [Scenario] = []
        for name in names { if let scenario = try scenario(named: name) { scenarios.append(scenario) } }
        return scenarios
    }
}
