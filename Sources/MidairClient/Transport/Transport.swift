import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP/1.1 to the server, over its unix socket or TCP with a bearer
/// token, with answers and failures turned into the client's typed errors.
struct Transport: Sendable {
    let address: ServerAddress
    /// How long to wait for the head of an answer (and between reads).
    let timeout: Duration

    struct Reply: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data
    }

    static let maxResponseBytes = 64 << 20

    /// One HTTP client for the process, as AsyncHTTPClient recommends: it
    /// pools connections per socket path and is never shut down. Connecting
    /// is not retried, so a missing server is reported at once, not after
    /// the connect timeout.
    static let http: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .seconds(60)))
        configuration.connectionPool.retryConnectionEstablishment = false
        // Event streams hold a connection each; leave room for requests beside them.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Sends a request and reads the whole answer.
    func send(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:], json body: Data? = nil) async throws -> Reply {
        let response = try await open(method, target, headers: headers, json: body)
        do {
            let buffer = try await response.body.collect(upTo: Self.maxResponseBytes)
            return Reply(status: Int(response.status.code), headers: response.headers, body: Data(buffer.readableBytesView))
        } catch {
            throw translate(error)
        }
    }

    /// Sends a request and returns once the head of the answer arrived; the
    /// caller reads the body as it comes.
    func open(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:], json body: Data? = nil) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: try url(target).absoluteString)
        request.method = method
        request.headers = headers
        if case .url(_, let token?) = address { request.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            return try await Self.http.execute(request, timeout: TimeAmount(timeout))
        } catch {
            throw translate(error)
        }
    }

    private func url(_ target: String) throws -> URL {
        let url = switch address {
        case .socket(let path): URL(httpURLWithSocketPath: path, uri: target)
        case .url(let base, _): URL(string: base + target)
        }
        guard let url else { throw MidairConnectionError.failed(path: "\(address)", reason: "cannot make a URL of it") }
        return url
    }

    /// Says what went wrong in terms of the server: missing, refused, not ours.
    func translate(_ error: any Error) -> any Error {
        if error is CancellationError || error is MidairAPIError || error is MidairConnectionError { return error }
        let name = "\(address)"
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return CancellationError()
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return MidairConnectionError.timedOut(path: name, after: timeout)
            case .remoteConnectionClosed:
                return MidairConnectionError.closed(path: name)
            default:
                break
            }
        }
        // A TCP connect fails as NIO's happy-eyeballs error, one entry per address tried.
        let code = (error as? IOError)?.errnoCode
            ?? (error as? NIOConnectionError)?.connectionErrors.lazy.compactMap { ($0.error as? IOError)?.errnoCode }.first
        guard case .socket(let path) = address else {
            return code == ECONNREFUSED
                ? MidairConnectionError.refused(url: name)
                : MidairConnectionError.failed(path: name, reason: "\(error)")
        }
        var info = stat()
        if lstat(path, &info) != 0 {
            return errno == EACCES
                ? MidairConnectionError.permissionDenied(path: path, group: SocketAccess.sharingGroup(of: path))
                : MidairConnectionError.noSocket(path: path)
        }
        switch code {
        case ECONNREFUSED: return MidairConnectionError.noServer(path: path)
        case EACCES, EPERM: return MidairConnectionError.permissionDenied(path: path, group: SocketAccess.sharingGroup(of: path))
        case ENOENT: return MidairConnectionError.noSocket(path: path)
        default: return MidairConnectionError.failed(path: path, reason: "\(error)")
        }
    }
}
