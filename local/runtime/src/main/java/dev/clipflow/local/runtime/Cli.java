package dev.clipflow.local.runtime;

import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.api.ApiGatewayEvents.Identity;
import dev.clipflow.local.runtime.api.LocalApiRouteException;
import dev.clipflow.local.runtime.api.LocalHttpApi;
import dev.clipflow.local.runtime.demo.Demo;
import dev.clipflow.local.runtime.demo.DemoFailedException;
import dev.clipflow.local.runtime.demo.DemoOutcome;
import dev.clipflow.local.runtime.demo.DemoReport;
import dev.clipflow.local.runtime.demo.DemoVideo;
import dev.clipflow.local.runtime.function.FunctionResult;
import dev.clipflow.testing.ClipflowCache;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./clipflow <command>}: the local runtime's command line.
 *
 * <pre>
 * demo [--video FILE] [--timeout SECONDS] [--clock-speed X] [--verbose] [--no-iam] [--template FILE]
 *     start the stack, create a channel with two subscribers, publish a generated 2 s first clip, then upload
 *     the demo video (FILE, or a generated 10 s 720p clip with audio), follow its pipeline and print what the
 *     owner and the subscribers see: renditions, assets, cost per stage, feeds, related videos
 * up [--port N] [--clock-speed X] [--warm] [--verbose] [--no-iam] [--template FILE]
 *     run the stack and serve the HTTP API on 127.0.0.1:N (default 3000) until interrupted; functions start
 *     on first use, or all in the background after the ready line with --warm
 * invoke FUNCTION --event FILE [--no-iam] [--template FILE]
 *     start the stack and invoke one function with one event (as sam local invoke)
 * execute --definition FILE --input JSON|@FILE [--history] [--name NAME] [--clock-speed X] [--template FILE]
 *     run a state machine definition on the local stack; Lambda resources name template functions
 * </pre>
 *
 * Exit codes: 0 the video was PUBLISHED (invoke: the function succeeded; execute: SUCCEEDED; up runs until a
 * signal stops it, after a clean shutdown, with the JVM's 130 for SIGINT / 143 for SIGTERM); 1 the pipeline
 * ended and the video is not PUBLISHED (invoke: function error; execute: FAILED or TIMED_OUT); 2 usage error (demo: no
 * such video file; invoke: unreadable or non-JSON event file, no such function; execute: unreadable definition or
 * input); 3 the stack, the demo
 * or the definition could not run (artifact missing, ffmpeg missing, port in use, invalid definition, an API
 * call refused); 4 timed out waiting for the execution.
 *
 * <p>{@code --no-iam} (demo, up, invoke): the template's roles are not enforced; by default they are
 * ({@link LocalClipflow#start(Path, Path, double, boolean)}).
 *
 * <p>{@code --clock-speed X}: the state machine's Wait states and Retry intervals pass X times faster than real
 * time (default 1, the fidelity of AWS; the demo's pipeline only waits on retries of transient errors).
 */
public final class Cli {

    static final int OK = 0;
    static final int NOT_PUBLISHED = 1;
    static final int USAGE = 2;
    static final int CANNOT_RUN = 3;
    static final int TIMED_OUT = 4;

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(List.of(args));
        if (a.isEmpty() || a.contains("--help") || a.contains("-h")) {
            out.println(usage());
            return a.isEmpty() ? USAGE : OK;
        }
        String command = a.remove(0);
        try {
            Path template = option(a, "--template").map(Path::of).orElseGet(Cli::findTemplate);
            boolean verbose = a.remove("--verbose");
            boolean iam = !a.remove("--no-iam");
            if (!verbose) {
                System.setProperty("logging.level.root", "WARN");
            }
            return switch (command) {
                case "demo" -> demo(template, option(a, "--video").map(Path::of).orElse(null),
                        option(a, "--timeout").map(Long::parseLong).orElse(900L), clockSpeed(a), iam, out, err);
                case "up" -> up(template, option(a, "--port").map(Integer::parseInt).orElse(3000), clockSpeed(a),
                        a.remove("--warm"), iam, out, err);
                case "invoke" -> invoke(template, a, iam, out, err);
                case "execute" -> ExecuteCommand.run(template, new ExecuteCommand.Options(
                        option(a, "--definition").map(Path::of).orElseThrow(() -> new IllegalArgumentException(
                                "execute needs --definition FILE")),
                        option(a, "--input").orElseThrow(() -> new IllegalArgumentException(
                                "execute needs --input JSON|@FILE")),
                        a.remove("--history"), option(a, "--name").orElse(null), clockSpeed(a)), cacheDir(), out, err);
                default -> {
                    err.println("Unknown command: " + command + "\n" + usage());
                    yield USAGE;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + usage());
            return USAGE;
        }
    }

    private static double clockSpeed(List<String> a) {
        double speed = option(a, "--clock-speed").map(Double::parseDouble).orElse(1.0);
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--clock-speed must be a positive number");
        }
        return speed;
    }

    /** Runs until the JVM is told to stop (Ctrl-C, SIGTERM); the shutdown hook closes the stack. */
    private static int up(Path template, int port, double clockSpeed, boolean warm, boolean iam, PrintStream out,
                          PrintStream err) {
        var identity = LocalHttpApi.defaultIdentity();
        Up up;
        try {
            up = Up.start(template, cacheDir(), port, clockSpeed, identity, iam);
        } catch (RuntimeException e) {
            err.println("up: " + e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
            return CANNOT_RUN;
        }
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("clipflow up: stopping");
            up.close();
            stopped.countDown();
        }, "clipflow-up-shutdown"));
        up.print(out, identity);
        if (warm) {
            up.stack().warmUp(1, true);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static int demo(Path template, Path video, long timeoutSeconds, double clockSpeed, boolean iam,
                            PrintStream out, PrintStream err) {
        if (video != null && !Files.isRegularFile(video)) {
            err.println("No such video file: " + video);
            return USAGE;
        }
        long t0 = System.nanoTime();
        try (LocalClipflow stack = LocalClipflow.start(template, cacheDir(), clockSpeed, iam)) {
            out.printf("stack     ready in %.1f s: %d functions, %d buckets, %d tables, %d queues, state machine %s;"
                    + " IAM %s%n", (System.nanoTime() - t0) / 1e9, stack.template().functions().size(),
                    stack.template().buckets().size(), stack.template().tables().size(),
                    stack.template().queues().size(), stack.template().stateMachine().name(),
                    iam ? "enforced (--no-iam turns it off)" : "off (--no-iam)");
            Path dir = Files.createTempDirectory("clipflow-demo");
            Path source = video != null ? video : DemoVideo.generate(dir, "1280x720", 10);
            DemoOutcome o = new Demo(stack, out, Identity.DEV).run(source, DemoVideo.generate(dir, "640x360", 2),
                    Duration.ofSeconds(timeoutSeconds));
            DemoReport.print(o, out);
            out.printf("total     %.1f s%n", (System.nanoTime() - t0) / 1e9);
            if ("RUNNING".equals(o.executionStatus())) {
                return TIMED_OUT;
            }
            return o.published() ? OK : NOT_PUBLISHED;
        } catch (DemoFailedException | dev.clipflow.local.runtime.function.FunctionArtifactMissingException
                 | LocalApiRouteException | java.io.UncheckedIOException e) {
            err.println("demo: " + e.getMessage());
            return CANNOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CANNOT_RUN;
        } catch (java.io.IOException | RuntimeException e) {
            err.println("demo: " + e);
            return CANNOT_RUN;
        }
    }

    private static int invoke(Path template, List<String> a, boolean iam, PrintStream out, PrintStream err) {
        String event = option(a, "--event").orElseThrow(
                () -> new IllegalArgumentException("invoke needs --event FILE"));
        if (a.isEmpty()) {
            throw new IllegalArgumentException("invoke needs a function name (the template's logical id)");
        }
        // What can be checked without a stack is checked first: the event file and the function's name.
        com.fasterxml.jackson.databind.JsonNode payload;
        try {
            payload = Json.parse(Files.readString(Path.of(event)));
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("invoke: no such event file: " + event);
            return USAGE;
        } catch (java.io.IOException e) {
            err.println("invoke: cannot read the event file " + event + ": " + e);
            return USAGE;
        } catch (RuntimeException e) {
            err.println("invoke: the event file " + event + " is not JSON: " + e.getMessage());
            return USAGE;
        }
        try {
            var model = dev.clipflow.local.runtime.template.TemplateModel.load(template);
            if (model.function(a.get(0)).isEmpty()) {
                err.println("invoke: no function " + a.get(0) + " in " + template + "; its functions: "
                        + String.join(", ", model.functions().stream().map(f -> f.name()).toList()));
                return USAGE;
            }
        } catch (RuntimeException e) {
            err.println("invoke: " + e.getMessage());
            return CANNOT_RUN;
        }
        try (LocalClipflow stack = LocalClipflow.start(template, cacheDir(), 1.0, iam)) {
            FunctionResult r = stack.invoke(a.get(0), payload);
            out.println(r.payloadText());
            return r.failed() ? NOT_PUBLISHED : OK;
        } catch (RuntimeException e) {
            err.println("invoke: " + e.getMessage());
            return CANNOT_RUN;
        }
    }

    private static java.util.Optional<String> option(List<String> a, String name) {
        int i = a.indexOf(name);
        if (i < 0) {
            return java.util.Optional.empty();
        }
        if (i + 1 >= a.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String v = a.get(i + 1);
        a.remove(i + 1);
        a.remove(i);
        return java.util.Optional.of(v);
    }

    private static Path findTemplate() {
        String root = System.getProperty("clipflow.root", System.getenv("CLIPFLOW_ROOT"));
        Path dir = Path.of(root != null ? root : "").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("template.yaml"))) {
                return d.resolve("template.yaml");
            }
        }
        throw new IllegalArgumentException("No template.yaml in " + dir + " or above; pass --template FILE");
    }

    private static Path cacheDir() {
        return ClipflowCache.dir().resolve("functions");
    }

    static String usage() {
        return """
                usage: clipflow demo [--video FILE] [--timeout SECONDS] [--clock-speed X] [--verbose] [--no-iam]
                                    [--template FILE]
                       clipflow up [--port N (3000)] [--clock-speed X] [--warm] [--verbose] [--no-iam] [--template FILE]
                       clipflow invoke FUNCTION --event FILE [--no-iam] [--template FILE]
                       clipflow execute --definition FILE --input JSON|@FILE [--history] [--name NAME]
                                        [--clock-speed X] [--template FILE]
                up: the HTTP API's caller is sub=local-dev-creator (env CLIPFLOW_DEV_USER changes it; the header
                    X-Clipflow-Dev-User: <user> acts as another user for one request)
                --clock-speed X: Wait states and Retry intervals pass X times faster (default 1 = real time)
                --no-iam: do not enforce the template's roles (by default a function's call its role does not
                          allow fails with the service's AccessDenied error, as on AWS)
                exit codes: 0 published / function succeeded / execution SUCCEEDED, 1 not published / function
                            error / execution FAILED or TIMED_OUT, 2 usage, 3 the stack, the demo or the
                            definition could not run, 4 timed out waiting for the execution""";
    }
}
