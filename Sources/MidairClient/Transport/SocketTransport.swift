import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP/1.1 to the server's unix socket, with answers and failures turned
/// into the client's typed errors.
struct SocketTransport: Sendable {
    let socketPath: String
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
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: target) else {
            throw MidairConnectionError.failed(path: socketPath, reason: "cannot make a URL of the socket path")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        request.headers = headers
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

    /// Says what went wrong in terms of the socket: missing, refused, not ours.
    func translate(_ error: any Error) -> any Error {
        if error is CancellationError || error is MidairAPIError || error is MidairConnectionError { return error }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return CancellationError()
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return MidairConnectionError.timedOut(path: socketPath, after: timeout)
            case .remoteConnectionClosed:
                return MidairConnectionError.closed(path: socketPath)
            default:
                break
            }
        }
        var info = stat()
        if lstat(socketPath, &info) != 0 {
            return errno == EACCES ? MidairConnectionError.permissionDenied(path: socketPath) : MidairConnectionError.noSocket(path: socketPath)
        }
        switch (error as? IOError)?.errnoCode {
        case ECONNREFUSED: return MidairConnectionError.noServer(path: socketPath)
        case EACCES, EPERM: return MidairConnectionError.permissionDenied(path: socketPath)
        case ENOENT: return MidairConnectionError.noSocket(path: socketPath)
        default: return MidairConnectionError.failed(path: socketPath, reason: "\(error)")
        }
    }
}
