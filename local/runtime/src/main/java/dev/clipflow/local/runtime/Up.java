package dev.clipflow.local.runtime;

import dev.clipflow.local.runtime.api.ApiGatewayEvents.Identity;
import dev.clipflow.local.runtime.api.HttpRoutes;
import dev.clipflow.local.runtime.api.LocalHttpApi;
import dev.clipflow.local.runtime.console.LocalConsole;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./clipflow up}: the stack ({@link LocalClipflow}) plus its HTTP API on localhost ({@link LocalHttpApi}),
 * running until closed. In-process for tests: {@code Up.start(...)}, then {@link #api()}'s URL.
 */
public final class Up implements AutoCloseable {

    private final LocalClipflow stack;
    private final LocalHttpApi api;
    private final Duration startup;

    private Up(LocalClipflow stack, LocalHttpApi api, Duration startup) {
        this.stack = stack;
        this.api = api;
        this.startup = startup;
    }

    /**
     * @param port the HTTP API's port on 127.0.0.1 (0 = any free port)
     * @param clockSpeed the state machine's clock speed (1 = real time)
     */
    public static Up start(Path template, Path cacheDir, int port, double clockSpeed, Identity identity) {
        return start(template, cacheDir, port, clockSpeed, identity, true);
    }

    /** @param iam enforce the template's roles ({@link LocalClipflow#start(Path, Path, double, boolean)}) */
    public static Up start(Path template, Path cacheDir, int port, double clockSpeed, Identity identity,
                           boolean iam) {
        long t0 = System.nanoTime();
        LocalClipflow stack = LocalClipflow.start(template, cacheDir, clockSpeed, iam);
        try {
            LocalConsole console = new LocalConsole(stack.stepFunctions().service(),
                    stack.template().stateMachines().isEmpty() ? null : stack.template().stateMachine());
            LocalHttpApi api = LocalHttpApi.start(stack.routes(), stack::invoke, stack.eventBus(), console, port,
                    identity);
            return new Up(stack, api, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public LocalClipflow stack() {
        return stack;
    }

    public LocalHttpApi api() {
        return api;
    }

    public Duration startup() {
        return startup;
    }

    /** The endpoints, the identity and the routes, then the ready line. */
    public void print(PrintStream out, Identity identity) {
        var config = stack.config();
        out.println("clipflow up: " + stack.template().file());
        out.println("  HTTP API       " + api.url() + "   (caller: sub=" + identity.sub() + "; header "
                + LocalHttpApi.USER_HEADER + ": <user> acts as another user)");
        out.println("  console        " + api.url() + "/   (the local console in a browser: docs/console.md)");
        for (HttpRoutes.Route r : stack.routes().routes()) {
            out.printf(Locale.ROOT, "    %-6s %-40s -> %s%n", r.method(), r.path(), r.function());
        }
        out.println("  endpoints (for the AWS CLI/SDKs: export these):");
        for (String k : new String[] {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL_DYNAMODB",
                "AWS_ENDPOINT_URL_SFN", "AWS_ENDPOINT_URL_EVENTBRIDGE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                "AWS_REGION"}) {
            out.println("    " + k + "=" + config.get(k));
        }
        out.println(stack.iam() ? "  IAM: enforced (--no-iam turns it off); these credentials are the stack's own,"
                + " not restricted; each function signs with its role's key: " + String.join(", ", stack.template()
                .roles().stream().map(r -> r.owner() + "=" + stack.accessKeyId(r.owner()).orElseThrow()).toList())
                : "  IAM: off (--no-iam)");
        out.println("  buckets: " + String.join(", ", stack.template().buckets().stream().map(b -> b.name())
                .toList()));
        out.println("  tables:  " + String.join(", ", stack.template().tables().stream().map(t -> t.name())
                .toList()));
        out.println("  queues:  " + String.join(", ", stack.template().queues().stream().map(q -> q.name())
                .toList()));
        stack.template().stateMachines().forEach(sm -> out.println("  state machine: " + sm.arn()));
        stack.schedules().forEach(s -> out.println("  schedule: " + s.function() + " " + s.event() + " every "
                + s.period() + (s.localPeriod().equals(s.period()) ? "" : " (here every " + s.localPeriod() + ")")));
        stack.media().ifPresent(m -> out.println("  media:   " + m.getKey() + "   (CloudFront stand-in: GET/HEAD of "
                + m.getValue() + "; the playback URLs the API returns point here)"));
        out.printf(Locale.ROOT, "ready in %.1f s: %s (Ctrl-C to stop)%n", startup.toMillis() / 1000.0, api.url());
        out.flush();
    }

    @Override
    public void close() {
        api.close();
        stack.close();
    }
}
