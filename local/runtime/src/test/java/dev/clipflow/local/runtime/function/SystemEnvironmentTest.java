package dev.clipflow.local.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SystemEnvironmentTest {

    private static final ClassLoader LOADER = SystemEnvironmentTest.class.getClassLoader();

    /** What a function's code sees of its variables, the ways Spring and plain code read them. */
    private static String seen(String name) {
        Object viaMap = System.getProperties().get(name);
        boolean listed = System.getProperties().keySet().contains(name)
                && System.getProperties().stringPropertyNames().contains(name);
        String viaGet = System.getProperty(name);
        return viaGet + "|" + viaMap + "|" + listed + "|" + System.getProperties().containsKey(name);
    }

    @Test
    void twoFunctionsAtOnce_eachSeesOnlyItsOwnVariables() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> run(Map.of("MAIN_CLASS", "a.App",
                "ONLY_A", "1"), () -> {
                    together.await(5, TimeUnit.SECONDS);
                    return seen("MAIN_CLASS") + " " + System.getProperty("ONLY_B");
                }), threads);
        CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> run(Map.of("MAIN_CLASS", "b.App",
                "ONLY_B", "2"), () -> {
                    together.await(5, TimeUnit.SECONDS);
                    return seen("MAIN_CLASS") + " " + System.getProperty("ONLY_A");
                }), threads);

        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("a.App|a.App|true|true null");
        assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo("b.App|b.App|true|true null");
        assertThat(seen("MAIN_CLASS")).as("outside any function").isEqualTo("null|null|false|false");
        threads.shutdown();
    }

    @Test
    void insideAFunction_jvmPropertiesStillThere_threadsItStartsInherit_loaderRestored() throws Exception {
        AtomicReference<String> child = new AtomicReference<>();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        ClassLoader functionLoader = new java.net.URLClassLoader(new java.net.URL[0], null);

        String inside = SystemEnvironment.withEnvironment(Map.of("FN_VAR", "x", "JAVA_TOOL_OPTIONS", "-Xmx1g"),
                functionLoader, () -> {
                    Thread t = new Thread(() -> child.set(System.getProperty("FN_VAR")));
                    t.start();
                    t.join();
                    return System.getProperty("java.version") != null ? System.getProperty("FN_VAR") + " "
                            + System.getProperty("JAVA_TOOL_OPTIONS") + " "
                            + (Thread.currentThread().getContextClassLoader() == functionLoader) : "no java.version";
                });

        assertThat(inside).isEqualTo("x null true");
        assertThat(child.get()).isEqualTo("x");
        assertThat(System.getProperty("FN_VAR")).isNull();
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void setPropertyInsideAFunction_goesToTheJvmForAll() throws Exception {
        SystemEnvironment.withEnvironment(Map.of(), LOADER, () -> System.setProperty("clipflow.test.shared", "s"));

        assertThat(System.getProperty("clipflow.test.shared")).isEqualTo("s");
        System.clearProperty("clipflow.test.shared");
    }

    @Test
    void printedInsideAFunction_goesToStandardError_outsideToStandardOutput() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream routed = new java.io.PrintStream(new SystemEnvironment.OutputRouter(
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true)), true);

        routed.println("the command's report");
        SystemEnvironment.withEnvironment(Map.of("X", "1"), LOADER, () -> {
            routed.println("a function's log line");
            Thread child = new Thread(() -> routed.println("from a thread the function started"));
            child.start();
            child.join();
            return null;
        });

        assertThat(out.toString()).isEqualTo("the command's report" + System.lineSeparator());
        assertThat(err.toString()).contains("a function's log line", "from a thread the function started")
                .doesNotContain("report");
    }

    private static <T> T run(Map<String, String> env, java.util.concurrent.Callable<T> body) {
        try {
            return SystemEnvironment.withEnvironment(env, LOADER, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
