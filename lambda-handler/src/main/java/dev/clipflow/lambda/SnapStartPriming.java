package dev.clipflow.lambda;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SnapStart's runtime hooks (org.crac): before the snapshot, warm-up steps run the request path's code
 * without side effects, so that the first request after a restore finds its classes loaded and compiled; after the
 * restore, steps re-create what restored sandboxes must not share (jitter seeds, see {@link RestoreSafeJitter}).
 * The SDK clients' cached credentials are not a step here: adapters' {@code dev.clipflow.aws.RestorableCredentials}
 * registers its own CRaC resource (docs/adr/0015).
 *
 * <p>One instance per JVM ({@link #global()}), registered with the global CRaC context by the function's handler
 * ({@link RequestIdFunctionInvoker}) and holding a strong reference (the CRaC context holds its resources weakly).
 * Its own warm-up, common to every function: a JSON round trip of a representative event with Jackson, the
 * library every function's (de)serialisation goes through. A function adds its own steps with
 * {@link #warmUp(String, Runnable)} and {@link #afterRestore(String, Runnable)}.
 *
 * <p>A warm-up step that throws is logged and skipped: a snapshot taken less primed beats a failed deployment.
 * A step that re-creates state after restore must not fail silently, so its exception propagates (Lambda then
 * fails the restore and retries it in a new sandbox).
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final SnapStartPriming GLOBAL = new SnapStartPriming();

    private final List<Step> warmUps = new CopyOnWriteArrayList<>();
    private final List<Step> afterRestore = new CopyOnWriteArrayList<>();
    private volatile boolean registered;

    /** A fresh instance with only the common warm-up (tests; functions use {@link #global()}). */
    public SnapStartPriming() {
        warmUp("jackson: an event read and written", SnapStartPriming::jsonRoundTrip);
    }

    /** The JVM's instance. */
    public static SnapStartPriming global() {
        return GLOBAL;
    }

    /** Registers this instance with the global CRaC context, once; a no-op on a JVM without CRaC. */
    public SnapStartPriming register() {
        synchronized (this) {
            if (!registered) {
                Core.getGlobalContext().register(this);
                registered = true;
            }
        }
        return this;
    }

    /** Adds a warm-up step: it must have no effect outside this JVM (no writes, no requests). */
    public SnapStartPriming warmUp(String name, Runnable step) {
        warmUps.add(new Step(name, step));
        return this;
    }

    /** Adds a step run after every restore. */
    public SnapStartPriming afterRestore(String name, Runnable step) {
        afterRestore.add(new Step(name, step));
        return this;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        for (Step step : warmUps) {
            long start = System.nanoTime();
            try {
                step.action().run();
                LOG.debug("priming step '{}' took {} ms", step.name(), (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("priming step '{}' failed; the snapshot is taken without it", step.name(), e);
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        for (Step step : afterRestore) {
            step.action().run();
        }
    }

    private static void jsonRoundTrip() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> event = json.readValue(SAMPLE_EVENT, new TypeReference<Map<String, Object>>() {
        });
        json.writeValueAsBytes(event);
    }

    private static final String SAMPLE_EVENT = """
            {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
             "eventTime":"2026-01-01T00:00:00.000Z","eventName":"ObjectCreated:Put",
             "s3":{"bucket":{"name":"priming"},"object":{"key":"priming/key","size":1,"eTag":"e"}}}],
             "headers":{"content-type":"application/json"},
             "body":"{\\"n\\":1,\\"ok\\":true,\\"x\\":1.5,\\"l\\":[null]}"}
            """;

    private record Step(String name, Runnable action) {
        Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(action, "action");
        }
    }
}
