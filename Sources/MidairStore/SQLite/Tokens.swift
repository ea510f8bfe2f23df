import Crypto
import Foundation
import GRDB

/// Bearer tokens for TCP clients. A token is 32 random bytes, shown once
/// when made; the store keeps only its SHA-256, so a copy of the data
/// directory lets nobody in.
enum Tokens {
    /// Tokens start with this, so that secret scanners and people recognise one.
    static let prefix = "midair_"

    /// How stale `last_used_at` may get before a request updates it: a
    /// write per request would cost an fsync each.
    static let lastUsedResolution = 60.0

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
    }

    static func makeSecret() -> String {
        prefix + Data(randomBytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func entry(_ row: Row) -> TokenEntry {
        TokenEntry(
            id: row["id"], user: row["user"], createdAt: SQLiteRecordStore.timestamp(seconds: row["created_at"]),
            lastUsedAt: (row["last_used_at"] as Double?).map(SQLiteRecordStore.timestamp(seconds:)))
    }
}

extension SQLiteRecordStore {
    /// Makes a new token for `user`. Its secret is in the answer and nowhere else.
    public func addToken(for user: String) async throws -> IssuedToken {
        let secret = Tokens.makeSecret()
        let id = Tokens.randomBytes(6).map { String(format: "%02x", $0) }.joined()
        let now = options.now().timeIntervalSince1970
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO tokens (id, user, sha256, created_at) VALUES (?, ?, ?, ?)",
                arguments: [id, user, Tokens.digest(secret), now])
        }
        return IssuedToken(
            entry: TokenEntry(id: id, user: user, createdAt: Self.timestamp(seconds: now), lastUsedAt: nil), secret: secret)
    }

    /// Every token, by user then age.
    public func tokens() async throws -> [TokenEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tokens ORDER BY user, created_at").map(Tokens.entry)
        }
    }

    /// Revokes the token with id `userOrID`, else every token of the user
    /// of that name; returns those revoked.
    public func revokeTokens(_ userOrID: String) async throws -> [TokenEntry] {
        try await pool.write { db in
            let byID = try Row.fetchAll(db, sql: "SELECT * FROM tokens WHERE id = ?", arguments: [userOrID])
            let column = byID.isEmpty ? "user" : "id"
            let revoked = byID.isEmpty
                ? try Row.fetchAll(db, sql: "SELECT * FROM tokens WHERE user = ? ORDER BY created_at", arguments: [userOrID])
                : byID
            try db.execute(sql: "DELETE FROM tokens WHERE \(column) = ?", arguments: [userOrID])
            return revoked.map(Tokens.entry)
        }
    }

    public func authenticate(token: String) async throws -> String? {
        let digest = Tokens.digest(token)
        let now = options.now().timeIntervalSince1970
        let found: (user: String, lastUsed: Double)? = try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT user, last_used_at FROM tokens WHERE sha256 = ?", arguments: [digest])
                .map { ($0["user"], ($0["last_used_at"] as Double?) ?? 0) }
        }
        guard let found else { return nil }
        if now - found.lastUsed >= Tokens.lastUsedResolution {
            try await pool.write { db in
                try db.execute(sql: "UPDATE tokens SET last_used_at = ? WHERE sha256 = ?", arguments: [now, digest])
            }
        }
        return found.user
    }
}
