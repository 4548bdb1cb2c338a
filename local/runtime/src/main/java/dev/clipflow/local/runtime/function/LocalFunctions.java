package dev.clipflow.local.runtime.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.LambdaFunction;
import dev.clipflow.local.asl.task.LambdaResponse;
import dev.clipflow.local.runtime.template.FunctionDef;
import dev.clipflow.local.runtime.template.LocalAws;
import dev.clipflow.local.runtime.template.TemplateModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The template's functions, each hosted from its own zip ({@link FunctionHost}) on first use, with the environment
 * the template gives it ({@link LocalOverrides} applied) plus the stack's endpoints, and its role's access key.
 * Needs only the endpoints' addresses, not the endpoints running: the stack builds these before it serves anything.
 */
public final class LocalFunctions implements AutoCloseable {

    private final TemplateModel template;
    private final Map<String, String> endpoints;
    private final Map<String, String> accessKeyIds;
    private final Path cacheDir;
    private final Map<String, FunctionHost> hosts = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param endpoints the stack's {@code AWS_*} variables (endpoints, credentials, region), given to every function
     * @param accessKeyIds the access key id each function signs with, by logical id (none: the endpoints' key)
     * @param cacheDir where function zips are extracted
     */
    public LocalFunctions(TemplateModel template, Map<String, String> endpoints, Map<String, String> accessKeyIds,
                          Path cacheDir) {
        this.template = template;
        this.endpoints = Map.copyOf(endpoints);
        this.accessKeyIds = Map.copyOf(accessKeyIds);
        this.cacheDir = cacheDir;
    }

    /**
     * The host of a function, created on first use. Empty when the template has no such function.
     *
     * @throws FunctionArtifactMissingException when its zip was not built
     */
    public Optional<FunctionHost> host(String name) {
        Optional<FunctionDef> def = template.function(name);
        return def.map(f -> hosts.computeIfAbsent(f.name(), n -> new FunctionHost(spec(f), cacheDir)));
    }

    /** The engine's view of a function: a function whose zip is missing answers Lambda's not-found error. */
    public Optional<LambdaFunction> lambda(String name) {
        try {
            return host(name).map(h -> payload -> {
                inFlight.incrementAndGet();
                try {
                    return h.invoke(payload);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (FunctionArtifactMissingException e) {
            return Optional.of(payload -> LambdaResponse.error("Lambda.ResourceNotFoundException", e.getMessage()));
        }
    }

    /**
     * Invokes a function synchronously (RequestResponse), as {@code sam local invoke} does.
     *
     * @throws IllegalArgumentException when the template has no such function
     */
    public FunctionResult invoke(String function, JsonNode event) {
        FunctionHost host = host(function).orElseThrow(() -> new IllegalArgumentException(
                "No function " + function + " in " + template.file()));
        inFlight.incrementAndGet();
        try {
            return host.invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Initialises every function in the background, {@code parallelism} at a time (each sees only its own
     * environment: {@link SystemEnvironment}), so cold starts move into time the stack would idle. With
     * {@code yieldToInvocations} a function starts initialising only while no invocation is running, so warming
     * does not take the CPU from a running stage such as the transcode ({@code up --warm}); a function invoked
     * meanwhile initialises on first use, or waits for its own warm-up.
     *
     * @return completes when every function is initialised (or failed to: that is logged)
     */
    public CompletableFuture<Void> warmUp(int parallelism, boolean yieldToInvocations) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "warm-up");
            t.setDaemon(true);
            return t;
        });
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (FunctionDef f : template.functions()) {
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    while (yieldToInvocations && inFlight.get() > 0) {
                        Thread.sleep(50);
                    }
                    host(f.name()).ifPresent(FunctionHost::warmUp);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    System.err.println("warm-up of " + f.name() + " failed: " + e.getMessage());
                }
            }, pool));
        }
        pool.shutdown();
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** Whether a function's artifact exists (it was built). */
    public boolean built(String function) {
        return template.function(function).map(f -> f.codeUri() != null && Files.isRegularFile(f.codeUri()))
                .orElse(false);
    }

    private FunctionSpec spec(FunctionDef f) {
        Map<String, String> env = new LinkedHashMap<>(f.environment());
        env.replaceAll((k, v) -> LocalOverrides.local(v));
        env.putAll(endpoints);
        Optional.ofNullable(accessKeyIds.get(f.logicalId())).ifPresent(key -> env.put("AWS_ACCESS_KEY_ID", key));
        env.put("AWS_LAMBDA_FUNCTION_NAME", f.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(f.memoryMb()));
        env.put("AWS_DEFAULT_REGION", LocalAws.REGION);
        // The stack closes each function's class loader itself; a Spring shutdown hook running after that
        // only fails to load its logging classes (on Lambda the environment is frozen, never shut down).
        env.put("spring.main.register-shutdown-hook", "false");
        return new FunctionSpec(f.name(), f.codeUri(), f.handler(), f.memoryMb(), f.timeoutSeconds(), env,
                f.reservedConcurrency());
    }

    @Override
    public void close() {
        hosts.values().forEach(FunctionHost::close);
    }
}
