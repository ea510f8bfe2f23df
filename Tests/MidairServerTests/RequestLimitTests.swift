import Foundation
import MidairCore
import MidairTestSupport
import Testing

@Suite("malformed and oversized requests")
struct RequestLimitTests {
    @Test func aBodyOverTheLimitIs413() async throws {
        try await TestServer.with(.init(maxBodyBytes: 4096)) { server in
            let big = String(repeating: "x", count: 5000)
            let response = try await server.raw.send("POST", "/v1/records/articles", json: #"{"fields":{"title":"Big","body":"\#(big)"}}"#)
            expectProblem(response, .payloadTooLarge)
            let fits = try await server.raw.send("POST", "/v1/records/articles", json: #"{"fields":{"title":"Small","body":"ok"}}"#)
            #expect(fits.status == 201)
        }
    }

    @Test func theDefaultLimitIsOneMebibyte() async throws {
        try await TestServer.with { server in
            let big = String(repeating: "x", count: 1 << 20)
            let response = try await server.raw.send("POST", "/v1/records/articles", json: #"{"fields":{"title":"Big","body":"\#(big)"}}"#)
            expectProblem(response, .payloadTooLarge)
        }
    }

    @Test(arguments: [#"{"fields":"#, "not json", #"{"fields":{"title":"x"}"#, ""])
    func badJSONIs400(body: String) async throws {
        try await TestServer.with { server in
            expectProblem(try await server.raw.send("POST", "/v1/records/articles", json: body), .badRequest)
        }
    }

    @Test func badUTF8Is400() async throws {
        try await TestServer.with { server in
            var body = Data(#"{"fields":{"title":""#.utf8)
            body.append(contentsOf: [0xC3, 0x28, 0xFF])
            body.append(contentsOf: Data(#""}}"#.utf8))
            let response = try await server.raw.send("POST", "/v1/records/articles", headers: ["Content-Type": "application/json"], body: body)
            expectProblem(response, .badRequest)
            #expect((response.json["detail"] as? String)?.contains("UTF-8") == true)
        }
    }

    @Test(arguments: ["Bad", "-lead", "a b", "ä", String(repeating: "a", count: 65)])
    func aBadIDInTheBodyIs400(id: String) async throws {
        try await TestServer.with { server in
            let body = try JSONSerialization.data(withJSONObject: ["id": id, "fields": ["title": "x"]])
            expectProblem(try await server.raw.send("POST", "/v1/records/articles", body: body), .badRequest)
        }
    }

    @Test func aBadIDInThePathIs400() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send(
                "PUT", "/v1/records/articles/Not_OK", headers: ["If-None-Match": "*"], json: #"{"fields":{"title":"x"}}"#)
            expectProblem(response, .badRequest)
        }
    }

    @Test(arguments: ["12", "W/\"12\"", "\"abc\"", "\"1\", \"2\"", "*"])
    func aMalformedIfMatchIs400(ifMatch: String) async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send(
                "PUT", "/v1/records/articles/welcome", headers: ["If-Match": ifMatch], json: #"{"fields":{"title":"x"}}"#)
            expectProblem(response, .badRequest)
        }
    }

    @Test func membersThatMeanNothingAre422() async throws {
        try await TestServer.with { server in
            let extra = try await server.raw.send("POST", "/v1/records/articles", json: #"{"fields":{"title":"x"},"title":"x"}"#)
            expectProblem(extra, .invalid)
            #expect(try extra.decode(ValidationErrors.self).errors.map(\.pointer) == ["/title"])

            let welcome = try await server.client.get("articles", "welcome")
            let idInPut = try await server.raw.send(
                "PUT", "/v1/records/articles/welcome", headers: ["If-Match": welcome.etag], json: #"{"id":"welcome","fields":{"title":"x"}}"#)
            expectProblem(idInPut, .invalid)

            let noFields = try await server.raw.send("POST", "/v1/records/articles", json: #"{"id":"x"}"#)
            expectProblem(noFields, .invalid)
            #expect(try noFields.decode(ValidationErrors.self).errors.map(\.pointer) == ["/fields"])

            let notAnObject = try await server.raw.send("POST", "/v1/records/articles", json: #"["fields"]"#)
            expectProblem(notAnObject, .invalid)
        }
    }

    @Test func fieldValuesAreStringsOrWholeNumbers() async throws {
        try await TestServer.with { server in
            let number = try await server.raw.send(
                "POST", "/v1/records/products", json: #"{"fields":{"sku":"N-1","name":"N","stock":7}}"#)
            #expect(number.status == 201)
            #expect(try number.decode(Record.self).fields["stock"] == "7")

            let float = try await server.raw.send(
                "POST", "/v1/records/products", json: #"{"fields":{"sku":"N-2","name":"N","price":1.5}}"#)
            expectProblem(float, .invalid)
            #expect(try float.decode(ValidationErrors.self).errors.map(\.pointer) == ["/fields/price"])

            let null = try await server.raw.send("POST", "/v1/records/products", json: #"{"fields":{"sku":"N-3","name":null}}"#)
            expectProblem(null, .invalid)
        }
    }
}
