package dev.clipflow.local.runtime.function;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A function's environment, as its code sees it in-process. A process's environment cannot change, and the
 * functions read their configuration through Spring's {@code Environment}, which sees system properties too;
 * so a function's variables are system properties — <b>per thread</b>: the JVM's {@code System.getProperties()}
 * is replaced once by a {@link Properties} whose lookups ({@code getProperty}, {@code get}, {@code containsKey},
 * the key views Spring enumerates) see the current thread's function environment over the JVM's own
 * properties. The environment is inherited by threads the function starts ({@link InheritableThreadLocal}),
 * and set on every thread the function host runs the function on (initialisation and each invocation), so
 * functions initialise in parallel and each sees its own {@code MAIN_CLASS}, {@code AWS_LAMBDA_FUNCTION_NAME},
 * memory size and template variables — at initialisation and at invocation alike. Writes
 * ({@code System.setProperty}) still go to the JVM's properties, shared by all. Names only the JVM or the
 * platform reads ({@code JAVA_TOOL_OPTIONS}) are left out.
 */
public final class SystemEnvironment {

    private static final Set<String> IGNORED = Set.of("JAVA_TOOL_OPTIONS");
    private static final InheritableThreadLocal<Map<String, String>> CURRENT = new InheritableThreadLocal<>();

    private SystemEnvironment() {
    }

    /**
     * Runs {@code body} with {@code environment} as the thread's function environment and {@code loader} as its
     * context class loader; both are restored afterwards.
     */
    public static <T> T withEnvironment(Map<String, String> environment, ClassLoader loader, Callable<T> body)
            throws Exception {
        install();
        Map<String, String> previous = CURRENT.get();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        CURRENT.set(filtered(environment));
        thread.setContextClassLoader(loader);
        try {
            return body.call();
        } finally {
            thread.setContextClassLoader(before);
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The current thread's function environment (empty outside a function). */
    static Map<String, String> current() {
        Map<String, String> env = CURRENT.get();
        return env == null ? Map.of() : env;
    }

    private static Map<String, String> filtered(Map<String, String> environment) {
        Map<String, String> out = new HashMap<>();
        environment.forEach((k, v) -> {
            if (!IGNORED.contains(k) && v != null) {
                out.put(k, v);
            }
        });
        return Map.copyOf(out);
    }

    /**
     * Replaces the JVM's system properties by the per-thread view, once; and {@code System.out} by a stream
     * that sends what a function prints (its logs, its metric lines) to {@code System.err}: a function's output
     * is its log, as Lambda sends it to CloudWatch Logs, and the commands keep standard output for their own
     * report (the demo's, {@code invoke}'s response), as {@code sam local invoke} does.
     */
    static synchronized void install() {
        if (!(System.getProperties() instanceof ThreadAwareProperties)) {
            System.setProperties(new ThreadAwareProperties(System.getProperties()));
            System.setOut(new java.io.PrintStream(new OutputRouter(System.out, System.err), true));
        }
    }

    /** Writes to {@code err} on a thread running a function, to {@code out} otherwise. */
    static final class OutputRouter extends java.io.OutputStream {

        private final java.io.PrintStream out;
        private final java.io.PrintStream err;

        OutputRouter(java.io.PrintStream out, java.io.PrintStream err) {
            this.out = out;
            this.err = err;
        }

        private java.io.PrintStream target() {
            return CURRENT.get() != null ? err : out;
        }

        @Override
        public void write(int b) {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target().write(b, off, len);
        }

        @Override
        public void flush() {
            out.flush();
            err.flush();
        }
    }

    /** The JVM's properties (this object's own entries) under the current thread's function environment. */
    static final class ThreadAwareProperties extends Properties {

        ThreadAwareProperties(Properties jvm) {
            super();
            putAll(jvm);
        }

        @Override
        public String getProperty(String key) {
            String v = current().get(key);
            return v != null ? v : super.getProperty(key);
        }

        @Override
        public String getProperty(String key, String defaultValue) {
            String v = getProperty(key);
            return v != null ? v : defaultValue;
        }

        @Override
        public Object get(Object key) {
            Object v = current().get(key);
            return v != null ? v : super.get(key);
        }

        @Override
        public Object getOrDefault(Object key, Object defaultValue) {
            Object v = get(key);
            return v != null ? v : defaultValue;
        }

        @Override
        public boolean containsKey(Object key) {
            return current().containsKey(key) || super.containsKey(key);
        }

        @Override
        public Set<Object> keySet() {
            Map<String, String> env = current();
            if (env.isEmpty()) {
                return super.keySet();
            }
            Set<Object> keys = new LinkedHashSet<>(super.keySet());
            keys.addAll(env.keySet());
            return Collections.unmodifiableSet(keys);
        }

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            Map<String, String> env = current();
            if (env.isEmpty()) {
                return super.entrySet();
            }
            Map<Object, Object> merged = new HashMap<>();
            for (Map.Entry<Object, Object> e : super.entrySet()) {
                merged.put(e.getKey(), e.getValue());
            }
            merged.putAll(env);
            return Collections.unmodifiableSet(merged.entrySet());
        }

        @Override
        public Enumeration<Object> keys() {
            return Collections.enumeration(keySet());
        }

        @Override
        public Enumeration<?> propertyNames() {
            return Collections.enumeration(stringPropertyNames());
        }

        @Override
        public Set<String> stringPropertyNames() {
            Set<String> names = new LinkedHashSet<>(super.stringPropertyNames());
            names.addAll(current().keySet());
            return Collections.unmodifiableSet(names);
        }

        @Override
        public int size() {
            return keySet().size();
        }

        @Override
        public synchronized boolean equals(Object o) {
            return this == o;
        }

        @Override
        public synchronized int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
