package dev.clipflow.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Dynoxide, a DynamoDB-compatible server (a static binary from the npm package
 * {@code @dynoxide/linux-x64}), as an in-memory child process on a free loopback port.
 *
 * <p>The binary is found at {@code DYNOXIDE_BIN} (environment or system property), else in
 * {@code ~/.cache/clipflow/dynoxide-VERSION}; if it is not there, it is installed there with
 * {@code npm install}, so a fresh machine with Node.js needs no manual step.
 */
final class DynoxideEmulator {
    static final String VERSION = "1.2.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;

    private DynoxideEmulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static DynoxideEmulator start() {
        Path binary = binary();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                Process process = new ProcessBuilder(binary.toString(), "serve", "--host", "127.0.0.1", "--port",
                        Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (awaitPort(process, port)) {
                    return new DynoxideEmulator(process, port);
                }
                process.destroyForcibly();
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalStateException("Could not start Dynoxide from " + binary, last);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static synchronized Path binary() {
        String configured = System.getProperty("DYNOXIDE_BIN", System.getenv("DYNOXIDE_BIN"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("DYNOXIDE_BIN=" + configured + " is not an executable file");
            }
            return path;
        }
        Path home = ClipflowCache.dir().resolve("dynoxide-" + VERSION);
        Path binary = home.resolve("node_modules/@dynoxide/linux-x64/dynoxide");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        try {
            Files.createDirectories(home);
            Process npm = new ProcessBuilder(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund",
                    "--prefix", home.toString(), "@dynoxide/linux-x64@" + VERSION))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm install @dynoxide/linux-x64@" + VERSION + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Dynoxide is not installed and npm could not be run: " + e.getMessage()
                    + ". Install Node.js, or set DYNOXIDE_BIN.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing Dynoxide", e);
        }
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("npm installed @dynoxide/linux-x64 but " + binary + " is not executable");
        }
        return binary;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port", e);
        }
    }

    private static boolean awaitPort(Process process, int port) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
