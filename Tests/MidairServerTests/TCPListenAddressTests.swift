import MidairServer
import Testing

@Suite("--listen HOST:PORT")
struct TCPListenAddressTests {
    @Test func parsesHostsAndPorts() {
        #expect(ListenAddress("127.0.0.1:7070") == ListenAddress(host: "127.0.0.1", port: 7070))
        #expect(ListenAddress("[::1]:0") == ListenAddress(host: "::1", port: 0))
        #expect(ListenAddress("localhost:80")?.isLoopback == true)
        #expect(ListenAddress("0.0.0.0:7070")?.isLoopback == false)
        #expect(ListenAddress("192.168.1.2:7070")?.isLoopback == false)
        #expect(ListenAddress("[::1]:7070")?.url(port: 7071) == "http://[::1]:7071")
        for bad in ["7070", "host", ":7070", "host:99999", "host:-1", "[::1:7070"] {
            #expect(ListenAddress(bad) == nil, "\(bad)")
        }
    }
}
