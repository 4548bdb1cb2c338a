package dev.clipflow.local.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Ports on 127.0.0.1 bound before anything serves on them: a connection made meanwhile waits in the backlog. The
 * stack binds the ports of the endpoints that deliver work to the functions first, names them in the functions'
 * environment, builds the functions, and only then starts the endpoints on them.
 */
final class Loopback {

    private Loopback() {
    }

    /** An HTTP server on a free port, not started. */
    static HttpServer http(String what) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for " + what, e);
        }
    }

    /** A listening socket on a free port. */
    static ServerSocket socket(String what) {
        try {
            return new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for " + what, e);
        }
    }

    static String url(HttpServer server) {
        return "http://" + host(server);
    }

    static String url(ServerSocket socket) {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** {@code 127.0.0.1:<port>}. */
    static String host(HttpServer server) {
        return "127.0.0.1:" + server.getAddress().getPort();
    }
}
