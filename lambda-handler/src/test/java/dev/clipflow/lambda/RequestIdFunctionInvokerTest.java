package dev.clipflow.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The handler as Lambda calls it, with the functions' structured (ECS) console logging. */
class RequestIdFunctionInvokerTest {

    static final ByteArrayOutputStream STDOUT = new ByteArrayOutputStream();
    static final PrintStream ORIGINAL = System.out;
    static RequestIdFunctionInvoker invoker;

    @BeforeAll
    static void start() {
        System.setOut(new PrintStream(STDOUT, true, StandardCharsets.UTF_8));
        System.setProperty("MAIN_CLASS", EchoApplication.class.getName());
        System.setProperty("logging.structured.format.console", "ecs");
        System.setProperty("logging.level.dev.clipflow.lambda", "debug");
        invoker = new RequestIdFunctionInvoker("echo");
    }

    @AfterAll
    static void restore() {
        System.setOut(ORIGINAL);
        System.clearProperty("MAIN_CLASS");
        System.clearProperty("logging.structured.format.console");
        System.clearProperty("logging.level.dev.clipflow.lambda");
    }

    @Test
    void handleRequest_linesLoggedDuringTheInvocation_carryItsRequestId() throws Exception {
        String first = invoke("first", "8f3a2c1e-0000-4000-8000-000000000001");
        String second = invoke("second", "8f3a2c1e-0000-4000-8000-000000000002");

        assertThat(line("echoing first")).contains("\"awsRequestId\":\"8f3a2c1e-0000-4000-8000-000000000001\"");
        assertThat(line("echoing second")).contains("\"awsRequestId\":\"8f3a2c1e-0000-4000-8000-000000000002\"")
                .doesNotContain("000000000001");
        assertThat(first).contains("first");
        assertThat(second).contains("second");
        assertThat(MDC.get(RequestIdFunctionInvoker.REQUEST_ID)).as("removed after the invocation").isNull();
    }

    @Test
    void start_withoutSpringBootsApplicationRun_loggingConfiguredFromTheEnvironment() {
        assertThat(STDOUT.toString(StandardCharsets.UTF_8))
                .as("FunctionalSpringApplication prints a '======> SOURCE' line for every source it runs")
                .doesNotContain("======> SOURCE");
        assertThat(STDOUT.toString(StandardCharsets.UTF_8).lines())
                .as("every line the start logs is structured (the start class lookup's too: logging comes first)")
                .isNotEmpty().allMatch(line -> line.startsWith("{\"@timestamp\""));
        assertThat(invoker.context().getBeanNamesForType(
                org.springframework.boot.SpringApplication.class)).isEmpty();
        assertThat(invoker.context().containsBean("springApplicationArguments"))
                .as("a bean every SpringApplication run registers").isFalse();
    }

    @Test
    void start_loggingLevelsFromTheEnvironment_apply() throws Exception {
        invoke("levels", "8f3a2c1e-0000-4000-8000-000000000003");

        assertThat(line("debug line of levels")).as("logging.level.dev.clipflow.lambda=debug")
                .contains("\"level\":\"DEBUG\"");
    }

    @Test
    void start_startClassNotFunctional_isNamed() {
        assertThatThrownBy(() -> FunctionContext.start(NotFunctional.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(NotFunctional.class.getName())
                .hasMessageContaining("ApplicationContextInitializer");
    }

    @Test
    void start_loggingLevelNotALevel_isNamed() {
        System.setProperty("logging.level.dev.clipflow.noisy", "loud");
        try {
            assertThatThrownBy(() -> FunctionContext.start(EchoApplication.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("logging.level.dev.clipflow.noisy").hasMessageContaining("loud");
        } finally {
            System.clearProperty("logging.level.dev.clipflow.noisy");
        }
    }

    /** A start class of the auto-configured kind no function has any more. */
    @org.springframework.boot.SpringBootConfiguration
    static class NotFunctional {
    }

    @Test
    void snapStartPriming_beforeCheckpoint_warmsUpWithoutInvokingTheFunction() {
        int before = STDOUT.toString(StandardCharsets.UTF_8).split("echoing", -1).length;

        SnapStartPriming.global().beforeCheckpoint(null);

        assertThat(STDOUT.toString(StandardCharsets.UTF_8).split("echoing", -1).length)
                .as("the function logs 'echoing' on every call").isEqualTo(before);
    }

    @Test
    void handleRequest_withoutContext_runsWithoutARequestId() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream("{\"say\":\"nocontext\"}".getBytes(StandardCharsets.UTF_8)),
                out, null);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nocontext");
        assertThat(line("echoing nocontext")).doesNotContain("awsRequestId");
    }

    private static String invoke(String say, String requestId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(("{\"say\":\"" + say + "\"}").getBytes(StandardCharsets.UTF_8)),
                out, TestContext.of(requestId));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String line(String message) {
        List<String> lines = STDOUT.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(message)).toList();
        assertThat(lines).as("log lines with '%s' in:%n%s", message, STDOUT).hasSize(1);
        return lines.getFirst();
    }
}
