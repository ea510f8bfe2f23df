import Foundation
import MidairCore
import MidairTestSupport
import Testing

/// Checks that `response` is the problem `name`: its status, content type,
/// `type` and `status` members all agree.
func expectProblem(_ response: RawHTTP.Response, _ name: ProblemName, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.status == name.status, "\(response.text)", sourceLocation: sourceLocation)
    #expect(response.header("Content-Type") == "application/problem+json", sourceLocation: sourceLocation)
    #expect(response.json["type"] as? String == name.type, "\(response.text)", sourceLocation: sourceLocation)
    #expect(response.json["status"] as? Int == name.status, sourceLocation: sourceLocation)
    #expect(!(response.json["title"] as? String ?? "").isEmpty, sourceLocation: sourceLocation)
    #expect(!(response.json["detail"] as? String ?? "").isEmpty, sourceLocation: sourceLocation)
}

/// The account name the server will see for this test process.
let currentUser = NSUserName()
