package dev.clipflow.local.runtime.function;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Applies a function's environment as JVM system properties. A process's environment cannot change, and the
 * functions read their configuration through Spring's {@code Environment}, which sees system properties too.
 *
 * <p>System properties are process-wide: every hosted function sees every other function's variables. That is
 * harmless for the names they share (VIDEOS_TABLE, UPLOADS_BUCKET, ... have the same value for every function,
 * as they come from the template's Globals) and for the per-function names that are read while a function
 * initialises, because initialisation runs under one lock with that function's values in place. The two
 * selectors {@code MAIN_CLASS} and {@code SPRING_CLOUD_FUNCTION_DEFINITION} are restored after initialisation
 * (the bean name is passed to {@code FunctionInvoker}'s constructor anyway). Names that only the JVM or the
 * platform reads ({@code JAVA_TOOL_OPTIONS}, {@code AWS_LAMBDA_*}) have no local effect.
 */
public final class SystemEnvironment {

    private static final Object LOCK = new Object();
    private static final Set<String> SELECTORS = Set.of("MAIN_CLASS", "SPRING_CLOUD_FUNCTION_DEFINITION");
    private static final Set<String> IGNORED = Set.of("JAVA_TOOL_OPTIONS");

    private SystemEnvironment() {
    }

    /**
     * Runs {@code body} with {@code environment} applied as system properties and {@code loader} as the thread's
     * context class loader; the selectors are restored afterwards, the other values stay.
     */
    public static <T> T withEnvironment(Map<String, String> environment, ClassLoader loader, Callable<T> body)
            throws Exception {
        synchronized (LOCK) {
            Map<String, String> previous = new java.util.HashMap<>();
            for (String s : SELECTORS) {
                previous.put(s, System.getProperty(s));
            }
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            try {
                apply(environment);
                thread.setContextClassLoader(loader);
                return body.call();
            } finally {
                thread.setContextClassLoader(before);
                previous.forEach((k, v) -> {
                    if (v == null) {
                        System.clearProperty(k);
                    } else {
                        System.setProperty(k, v);
                    }
                });
            }
        }
    }

    /** Sets every variable (except those with no local meaning) as a system property. */
    public static void apply(Map<String, String> environment) {
        synchronized (LOCK) {
            environment.forEach((k, v) -> {
                if (!IGNORED.contains(k) && v != null) {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
