package dev.clipflow.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stage registered with {@link FunctionBeans#registerStage}, invoked through the handler as Lambda calls it. */
class LambdaStageTest {

    static RequestIdFunctionInvoker invoker;

    @BeforeAll
    static void start() {
        System.setProperty("MAIN_CLASS", StageApplication.class.getName());
        System.setProperty("spring.main.banner-mode", "off");
        invoker = new RequestIdFunctionInvoker("sized");
    }

    @AfterAll
    static void restore() {
        System.clearProperty("MAIN_CLASS");
    }

    @Test
    void handleRequest_withLambdaContext_theStageGetsTheConfiguredMemoryAndTheTimeLeft() throws Exception {
        String out = invoke(new TestContext("8f3a2c1e-0000-4000-8000-000000000010", 90_000, 1536));

        assertThat(out).isEqualTo("{\"name\":\"clip\",\"memoryMb\":1536,\"remainingMillis\":90000}");
    }

    @Test
    void handleRequest_withoutContext_theStageRunsOnItsDefaults() throws Exception {
        assertThat(invoke(null)).isEqualTo("{\"name\":\"clip\",\"memoryMb\":-1,\"remainingMillis\":-1}");
    }

    @Test
    void handleRequest_contextWithNoTimeLeft_theStageRunsOnItsDefaults() throws Exception {
        String out = invoke(new TestContext("8f3a2c1e-0000-4000-8000-000000000011", 0, 1536));

        assertThat(out).isEqualTo("{\"name\":\"clip\",\"memoryMb\":-1,\"remainingMillis\":-1}");
    }

    private static String invoke(Context context) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream("{\"name\":\"clip\"}".getBytes(StandardCharsets.UTF_8)),
                out, context);
        return out.toString(StandardCharsets.UTF_8);
    }
}
