package dev.clipflow.local.runtime.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.LambdaFunction;
import dev.clipflow.local.asl.task.LambdaResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one Lambda function in-process the way the Lambda Java runtime does: from its own deployment zip, in its
 * own {@link URLClassLoader} (parent: the platform class loader, so it sees none of the host's classes, as if it
 * had its own JVM), through the handler the template names, with a Lambda {@code Context}.
 *
 * <p>The handler instance is created on first use (the "init" phase) and reused while warm. Its environment is
 * the thread's view of the <b>system properties</b> ({@link SystemEnvironment}) during initialisation and every
 * invocation: functions read configuration through Spring's {@code Environment}, and a JVM's real environment
 * cannot change. Functions initialise in parallel, each seeing only its own variables. The handler (Spring Cloud
 * Function's invocation) gets the bean name from {@code SPRING_CLOUD_FUNCTION_DEFINITION} as its constructor
 * argument.
 *
 * <p>Initialisation is not timed (on Lambda it is a separate phase with its own limit, or a SnapStart restore);
 * every invocation runs on a worker thread whose context class loader is the function's; it is stopped
 * (interrupted) at the template's timeout and reported as Lambda reports a timeout, after which the instance
 * is discarded (Lambda restarts a timed-out execution environment). An uncaught exception is reported as
 * {@code {errorType, errorMessage, stackTrace}}.
 *
 * <p>A function with reserved concurrency runs at most that many invocations at once; one more is throttled as
 * Lambda throttles it ({@link FunctionThrottledException}; the engine's view answers
 * {@code Lambda.TooManyRequestsException}), without running.
 */
public final class FunctionHost implements LambdaFunction, AutoCloseable {

    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";

    private final FunctionSpec spec;
    private final URLClassLoader loader;
    private final ExecutorService workers;
    private final Object initLock = new Object();
    /** Free slots of the reserved concurrency; {@code null} when unreserved. */
    private final Semaphore reserved;
    private final AtomicInteger running = new AtomicInteger();
    private volatile Handler handler;

    /** A constructed handler: the instance and its stream method. */
    private record Handler(Object instance, Method method, Class<?> contextType) {
    }

    /**
     * @param cacheRoot where zips are extracted (one folder per zip content hash)
     * @throws FunctionArtifactMissingException when the zip does not exist
     */
    public FunctionHost(FunctionSpec spec, Path cacheRoot) {
        this.spec = spec;
        this.reserved = spec.reservedConcurrency() == FunctionSpec.UNRESERVED ? null
                : new Semaphore(spec.reservedConcurrency());
        List<URL> classPath = FunctionArtifact.classPath(spec.name(), spec.artifact(), cacheRoot);
        this.loader = new URLClassLoader(classPath.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fn-" + spec.name() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
    }

    public FunctionSpec spec() {
        return spec;
    }

    public String functionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + spec.name();
    }

    /** Initialises the function now (Spring context start), instead of on the first invocation. */
    public void warmUp() {
        try {
            workers.submit(this::handler).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while initialising " + spec.name(), e);
        } catch (ExecutionException e) {
            throw new FunctionInitException(spec.name(), FunctionErrors.unwrap(e));
        }
    }

    /** Invocations running now (Lambda's {@code ConcurrentExecutions} of this function). */
    public int concurrentExecutions() {
        return running.get();
    }

    /**
     * Invokes the function with an event (JSON bytes); never throws for a function error.
     *
     * @throws FunctionThrottledException when its reserved concurrency is all in use
     */
    public FunctionResult invoke(byte[] event) {
        if (reserved != null && !reserved.tryAcquire()) {
            throw new FunctionThrottledException(spec.name(), spec.reservedConcurrency());
        }
        running.incrementAndGet();
        try {
            return run(event);
        } finally {
            running.decrementAndGet();
            if (reserved != null) {
                reserved.release();
            }
        }
    }

    private FunctionResult run(byte[] event) {
        String requestId = UUID.randomUUID().toString();
        if (handler == null) {
            try {
                workers.submit(this::handler).get();
            } catch (ExecutionException e) {
                return error(FunctionErrors.fromThrowable(e.getCause()), requestId, Instant.now());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while initialising " + spec.name(), e);
            }
        }
        Instant start = Instant.now();
        Instant deadline = start.plusSeconds(spec.timeoutSeconds());
        Future<byte[]> call = workers.submit(() -> call(event, requestId, deadline));
        try {
            byte[] out = call.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                    TimeUnit.MILLISECONDS);
            return new FunctionResult(out, null, requestId, Duration.between(start, Instant.now()));
        } catch (TimeoutException e) {
            call.cancel(true);
            handler = null;
            Instant now = Instant.now();
            return error(FunctionErrors.timeout(requestId, now, Duration.between(start, now)), requestId, start);
        } catch (ExecutionException e) {
            return error(FunctionErrors.fromThrowable(e.getCause()), requestId, start);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while invoking " + spec.name(), e);
        }
    }

    /** The engine's view: JSON in, Lambda Invoke response out. */
    @Override
    public LambdaResponse invoke(JsonNode payload) {
        FunctionResult r;
        try {
            r = invoke(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        } catch (FunctionThrottledException e) {
            return LambdaResponse.error("Lambda.TooManyRequestsException", e.getMessage());
        }
        String text = r.payloadText().strip();
        JsonNode body;
        try {
            body = text.isEmpty() ? Json.NODES.nullNode() : Json.parse(text);
        } catch (dev.clipflow.local.asl.json.JsonSyntaxException e) {
            body = Json.text(r.payloadText());
        }
        return new LambdaResponse(body, r.functionError(), "$LATEST", 200);
    }

    private FunctionResult error(JsonNode body, String requestId, Instant start) {
        return new FunctionResult(Json.write(body).getBytes(StandardCharsets.UTF_8), "Unhandled", requestId,
                Duration.between(start, Instant.now()));
    }

    private byte[] call(byte[] event, String requestId, Instant deadline) throws Exception {
        Handler h = handler();
        return SystemEnvironment.withEnvironment(spec.environment(), loader, () -> {
            Object context = LambdaContexts.create(loader, new LambdaContexts.Invocation(requestId, spec.name(),
                    functionArn(), spec.memoryMb(), deadline));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = new ByteArrayInputStream(event)) {
                h.method().invoke(h.instance(), in, out, context);
            }
            return out.toByteArray();
        });
    }

    private Handler handler() throws Exception {
        Handler h = handler;
        if (h != null) {
            return h;
        }
        synchronized (initLock) {
            if (handler == null) {
                handler = SystemEnvironment.withEnvironment(spec.environment(), loader, this::construct);
            }
            return handler;
        }
    }

    private Handler construct() throws Exception {
        quietEarlyLogging();
        Class<?> type = Class.forName(spec.handlerClass(), true, loader);
        Class<?> contextType = Class.forName(LambdaContexts.CONTEXT, false, loader);
        Method method = type.getMethod(spec.handlerMethod(), InputStream.class, OutputStream.class, contextType);
        String bean = spec.environment().get("SPRING_CLOUD_FUNCTION_DEFINITION");
        Object instance = null;
        if (bean != null) {
            try {
                Constructor<?> named = type.getConstructor(String.class);
                instance = named.newInstance(bean);
            } catch (NoSuchMethodException e) {
                instance = null;
            }
        }
        if (instance == null) {
            instance = type.getConstructor().newInstance();
        }
        return new Handler(instance, method, contextType);
    }

    /**
     * With {@code logging.level.root} set (the CLI sets WARN unless {@code --verbose}), the function's Logback
     * gets that root level before Spring Boot configures logging: Logback's default configuration logs at DEBUG
     * to stdout, so the lines a function logs before Boot starts (Spring Cloud Function's "Main class: ...")
     * would otherwise interleave with the demo's report. Boot then configures logging as it always does.
     * Nothing happens for a function without SLF4J and Logback.
     */
    private void quietEarlyLogging() {
        String level = spec.environment().getOrDefault("logging.level.root", System.getProperty("logging.level.root"));
        if (level == null || level.isBlank()) {
            return;
        }
        try {
            Object context = Class.forName("org.slf4j.LoggerFactory", true, loader).getMethod("getILoggerFactory")
                    .invoke(null);
            Class<?> levelType = Class.forName("ch.qos.logback.classic.Level", true, loader);
            Object root = context.getClass().getMethod("getLogger", String.class).invoke(context, "ROOT");
            root.getClass().getMethod("setLevel", levelType).invoke(root,
                    levelType.getMethod("toLevel", String.class).invoke(null, level));
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            // not SLF4J over Logback: the function's logging stays as it is
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        // JUL is global to the JVM: a function's Spring Boot installs its SLF4J bridge on JUL's root logger. Once
        // its class loader is closed that bridge cannot load a class any more, and the next JUL record in this JVM
        // (any library's, e.g. Selenium's) fails with NoClassDefFoundError. Take the function's handlers off.
        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler h : julRoot.getHandlers()) {
            if (h.getClass().getClassLoader() == loader) {
                julRoot.removeHandler(h);
            }
        }
        try {
            loader.close();
        } catch (IOException e) {
            // closing a class loader only releases jar file handles
        }
    }
}
