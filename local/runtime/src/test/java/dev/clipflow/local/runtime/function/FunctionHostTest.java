package dev.clipflow.local.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.LambdaResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionHostTest {

    @TempDir
    static Path dir;
    static Path zip;
    static FunctionHost host;

    @BeforeAll
    static void build() {
        zip = FixtureFunction.build(dir);
        host = new FunctionHost(spec(30), dir.resolve("cache"));
    }

    @AfterAll
    static void close() {
        host.close();
    }

    static FunctionSpec spec(int timeout) {
        return new FunctionSpec("FixtureFunction", zip, FixtureFunction.HANDLER, 512, timeout,
                Map.of("MAIN_CLASS", "fixture.Main", "SPRING_CLOUD_FUNCTION_DEFINITION", "fixtureBean",
                        "GREETING", "hello"));
    }

    @Test
    void invoke_normalEvent_roundTrips() {
        FunctionResult r = host.invoke("{\"videoId\":\"v-1\",\"n\":1.50}".getBytes(StandardCharsets.UTF_8));

        assertThat(r.failed()).isFalse();
        assertThat(r.payloadText()).isEqualTo("{\"videoId\":\"v-1\",\"n\":1.50}");
    }

    @Test
    void invoke_describe_ownLoaderContextEnvironmentAndBean() {
        JsonNode d = Json.parse(host.invoke("{\"action\":\"describe\"}".getBytes(StandardCharsets.UTF_8))
                .payloadText());

        assertThat(d.get("bean").textValue()).isEqualTo("fixtureBean");
        assertThat(d.get("mainClassAtInit").textValue()).isEqualTo("fixture.Main");
        assertThat(d.get("tcclAtInit").booleanValue()).isTrue();
        assertThat(d.get("tccl").booleanValue()).isTrue();
        assertThat(d.get("greeting").textValue()).isEqualTo("hello");
        assertThat(d.get("functionName").textValue()).isEqualTo("FixtureFunction");
        assertThat(d.get("memory").intValue()).isEqualTo(512);
        assertThat(d.get("remaining").intValue()).isBetween(25_000, 30_000);
        assertThat(d.get("requestId").textValue()).matches("[0-9a-f-]{36}");
        assertThat(d.get("hostVisible").booleanValue()).as("the host's classes are invisible").isFalse();
        assertThat(System.getProperty("MAIN_CLASS")).as("the selector is restored after init").isNull();
    }

    @Test
    void invoke_handlerThrows_errorTypeAndMessageAsLambdaReportsThem() {
        FunctionResult r = host.invoke("{\"action\":\"throw\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode body = Json.parse(r.payloadText());
        assertThat(body.get("errorType").textValue()).isEqualTo("java.lang.IllegalStateException");
        assertThat(body.get("errorMessage").textValue()).isEqualTo("The fixture was told to fail");
        assertThat(body.get("stackTrace").get(0).textValue()).startsWith("fixture.FixtureHandler.handleRequest(");
    }

    @Test
    void invoke_pastTimeout_reportedAsLambdaTimeout() {
        try (FunctionHost slow = new FunctionHost(spec(1), dir.resolve("cache"))) {
            FunctionResult r = slow.invoke("{\"action\":\"sleep\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(r.functionError()).isEqualTo("Unhandled");
            JsonNode body = Json.parse(r.payloadText());
            assertThat(body.get("errorType").textValue()).isEqualTo("Sandbox.Timedout");
            assertThat(body.get("errorMessage").textValue()).matches(
                    "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z " + r.requestId()
                            + " Task timed out after 1\\.\\d\\d seconds");
            assertThat(r.duration().toMillis()).isLessThan(5_000);
            assertThat(slow.invoke("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).failed())
                    .as("a fresh instance serves the next invocation").isFalse();
        }
    }

    @Test
    void invoke_beyondReservedConcurrency_throttledWithoutRunningUntilASlotFrees() throws Exception {
        FunctionSpec one = new FunctionSpec("FixtureFunction", zip, FixtureFunction.HANDLER, 512, 2,
                spec(2).environment(), 1);
        try (FunctionHost capped = new FunctionHost(one, dir.resolve("cache"))) {
            capped.warmUp();
            var busy = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    capped.invoke("{\"action\":\"sleep\"}".getBytes(StandardCharsets.UTF_8)));
            long until = System.nanoTime() + 10_000_000_000L;
            while (capped.concurrentExecutions() == 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }

            assertThatThrownBy(() -> capped.invoke("{}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(FunctionThrottledException.class).hasMessageContaining("reserved concurrency of 1");
            LambdaResponse engine = capped.invoke(Json.parse("{\"n\":1}"));
            assertThat(engine.functionError()).isNotNull();
            assertThat(engine.payload().get("errorType").textValue()).isEqualTo("Lambda.TooManyRequestsException");
            assertThat(busy.get().failed()).as("the running one timed out by itself").isTrue();
            assertThat(capped.invoke("{\"n\":2}".getBytes(StandardCharsets.UTF_8)).payloadText())
                    .isEqualTo("{\"n\":2}");
        }
    }

    @Test
    void invoke_reservedConcurrencyZero_everyInvocationThrottled() {
        FunctionSpec none = new FunctionSpec("FixtureFunction", zip, FixtureFunction.HANDLER, 512, 2,
                spec(2).environment(), 0);
        try (FunctionHost stopped = new FunctionHost(none, dir.resolve("cache"))) {
            assertThatThrownBy(() -> stopped.invoke("{}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(FunctionThrottledException.class);
        }
    }

    @Test
    void invoke_asEngineFunction_functionErrorIsAResponseNotAnException() {
        LambdaResponse r = host.invoke(Json.parse("{\"action\":\"throw\"}"));

        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.payload().get("errorType").textValue()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void new_missingZip_namesTheBuildCommand() {
        var spec = new FunctionSpec("Missing", dir.resolve("nope.zip"), FixtureFunction.HANDLER, 128, 3, Map.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FunctionHost(spec, dir.resolve("cache")))
                .isInstanceOf(FunctionArtifactMissingException.class).hasMessageContaining("nope.zip");
    }
}
