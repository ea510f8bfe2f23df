import Foundation
import MidairCore
import MidairTestSupport
import Testing

@Suite("whoami, collections, healthz, unknown routes and methods")
struct ServiceRouteTests {
    @Test func whoamiNamesTheConnectingAccount() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send("GET", "/v1/whoami")
            #expect(response.status == 200)
            #expect(response.json["user"] as? String == currentUser)
            #expect(response.json["via"] as? String == "unix-socket")
        }
    }

    @Test func noHeaderChangesWhoYouAre() async throws {
        try await TestServer.with { server in
            let headers = ["X-Remote-User": "mallory", "Authorization": "Bearer x", "From": "mallory@example.org"]
            let whoami = try await server.raw.send("GET", "/v1/whoami", headers: headers)
            #expect(whoami.json["user"] as? String == currentUser)
            let created = try await server.raw.send("POST", "/v1/records/articles", headers: headers, json: #"{"fields":{"title":"Mine"}}"#)
            #expect(created.status == 201)
            #expect(created.json["updated_by"] as? String == currentUser)
        }
    }

    @Test func collectionsIsTheSchema() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send("GET", "/v1/collections")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json")
            let schema = try response.decode(Schema.self)
            #expect(schema.collections.map(\.name) == ["articles", "users", "products", "orders"])
        }
    }

    @Test func healthz() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send("GET", "/healthz")
            #expect(response.status == 200)
            #expect(response.json["status"] as? String == "ok")
        }
    }

    @Test func unknownPathIsAProblem() async throws {
        try await TestServer.with { server in
            expectProblem(try await server.raw.send("GET", "/v1/nothing"), .notFound)
            expectProblem(try await server.raw.send("GET", "/"), .notFound)
        }
    }

    @Test(arguments: [
        ("DELETE", "/v1/whoami", "GET, HEAD"),
        ("POST", "/v1/collections", "GET, HEAD"),
        ("PUT", "/v1/records/articles", "GET, HEAD, POST"),
        ("PATCH", "/v1/records/articles/welcome", "GET, HEAD, PUT, DELETE"),
        ("POST", "/v1/records/articles/welcome", "GET, HEAD, PUT, DELETE"),
        ("DELETE", "/v1/records/articles/welcome/history", "GET, HEAD"),
        ("POST", "/v1/events", "GET, HEAD"),
        ("PUT", "/v1/conflicts", "GET, HEAD"),
    ])
    func otherMethodsAre405WithAllow(method: String, path: String, allow: String) async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send(method, path)
            expectProblem(response, .methodNotAllowed)
            #expect(response.header("Allow") == allow)
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send("HEAD", "/v1/records/articles/welcome")
            #expect(response.status == 200)
            #expect(response.header("ETag") != nil)
            #expect(response.body.isEmpty)
        }
    }
}
