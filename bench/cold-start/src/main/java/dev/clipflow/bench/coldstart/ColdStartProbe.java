package dev.clipflow.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One cold start, in the JVM it runs in: builds the handler the way the Lambda runtime does
 * ({@code scf}: the function's handler, {@link RequestIdFunctionInvoker}, with the ingest bean of the function's
 * start class; {@code scf-autoconfig}: the same with {@link AutoConfiguredIngestApplication}; {@code plain}:
 * {@link PlainIngestHandler}), hands it the event, and prints
 * {@code coldstart <mode> <ms> <constructed-ms> <cpu-ms> <classes>}: milliseconds from the JVM's start to the first
 * event handled and to the handler constructed, the process's CPU time by then (all threads: on a shared, loaded
 * machine it moves less than the wall clock) and the number of classes loaded. Configuration comes from system properties (see run.sh).
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        RequestStreamHandler handler = switch (mode) {
            case "scf" -> scf("dev.clipflow.ingest.IngestApplication");
            case "scf-autoconfig" -> scf(AutoConfiguredIngestApplication.class.getName());
            case "plain" -> new PlainIngestHandler();
            default -> throw new IllegalArgumentException("mode is scf, scf-autoconfig or plain, not " + mode);
        };
        long constructed = System.currentTimeMillis() - jvmStart;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new BenchContext());
        long elapsed = System.currentTimeMillis() - jvmStart;
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        String result = out.toString(StandardCharsets.UTF_8);
        if (!result.contains("ORPHAN_DELETED")) {
            throw new IllegalStateException("Unexpected result from " + mode + ": " + result);
        }
        System.out.println("coldstart " + mode + " " + elapsed + " " + constructed + " " + cpu + " " + classes);
    }

    /** The function's handler as Lambda builds it: MAIN_CLASS names the start class, the bean is ingest. */
    private static RequestStreamHandler scf(String mainClass) {
        System.setProperty("MAIN_CLASS", mainClass);
        return new RequestIdFunctionInvoker("ingest");
    }

    /** The few Context fields a handler reads. */
    private static final class BenchContext implements Context {
        private final String requestId = UUID.randomUUID().toString();

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/bench";
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return "IngestFunction";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:IngestFunction";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
