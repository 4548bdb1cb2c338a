package dev.clipflow.local.runtime.function;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the function host needs to run one function, as the template states it.
 *
 * @param name the local function name (the template's logical id, e.g. {@code ProbeFunction})
 * @param artifact the deployment zip (classes at the root, jars in {@code lib/})
 * @param handler {@code class::method}, a {@code RequestStreamHandler}-style method
 *                ({@code (InputStream, OutputStream, Context)})
 * @param memoryMb the configured memory, reported by {@code Context.getMemoryLimitInMB()}
 * @param timeoutSeconds the invocation timeout, enforced
 * @param environment the function's environment (template variables, Globals and local overrides)
 * @param reservedConcurrency the template's {@code ReservedConcurrentExecutions}: most invocations running at once
 *                            (0 throttles every one), or {@link #UNRESERVED}
 */
public record FunctionSpec(String name, Path artifact, String handler, int memoryMb, int timeoutSeconds,
                           Map<String, String> environment, int reservedConcurrency) {

    /** No reserved concurrency: no limit of the function's own. */
    public static final int UNRESERVED = -1;

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(handler, "handler");
        environment = Map.copyOf(environment);
        if (timeoutSeconds <= 0 || memoryMb <= 0) {
            throw new IllegalArgumentException("Timeout and memory must be positive for " + name);
        }
        if (reservedConcurrency < UNRESERVED) {
            throw new IllegalArgumentException("Reserved concurrency of " + name + " must be -1 (unreserved) or from "
                    + "0 on, not " + reservedConcurrency);
        }
    }

    /** An unreserved function. */
    public FunctionSpec(String name, Path artifact, String handler, int memoryMb, int timeoutSeconds,
                        Map<String, String> environment) {
        this(name, artifact, handler, memoryMb, timeoutSeconds, environment, UNRESERVED);
    }

    /** The handler's class name. */
    public String handlerClass() {
        int sep = handler.indexOf("::");
        return sep < 0 ? handler : handler.substring(0, sep);
    }

    /** The handler's method name ({@code handleRequest} when the handler names only a class). */
    public String handlerMethod() {
        int sep = handler.indexOf("::");
        return sep < 0 ? "handleRequest" : handler.substring(sep + 2);
    }

    /** This spec with extra or replaced environment entries. */
    public FunctionSpec withEnvironment(Map<String, String> extra) {
        var env = new java.util.LinkedHashMap<>(environment);
        env.putAll(extra);
        return new FunctionSpec(name, artifact, handler, memoryMb, timeoutSeconds, env, reservedConcurrency);
    }
}
