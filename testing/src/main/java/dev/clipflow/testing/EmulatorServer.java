package dev.clipflow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the emulators as a standalone process until it is interrupted, for benchmarks and manual
 * experiments: {@code java -cp ... dev.clipflow.testing.EmulatorServer [env-file]}. Prints the
 * configuration as {@code NAME=value} lines (and writes them to the env file if one is named),
 * then "ready".
 */
public final class EmulatorServer {
    private EmulatorServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Emulators emulators = Emulators.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulators.stop();
            stopped.countDown();
        }, "emulator-server-shutdown"));
        String env = emulators.config().entrySet().stream()
                .map(Map.Entry::getKey)
                .sorted()
                .map(k -> k + "=" + emulators.config().get(k))
                .collect(Collectors.joining("\n", "", "\n"));
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), env);
        }
        System.out.print(env);
        System.out.println("ready");
        System.out.flush();
        stopped.await();
    }
}
