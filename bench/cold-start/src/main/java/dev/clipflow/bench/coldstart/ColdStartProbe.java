package dev.clipflow.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * One cold start, in the JVM it runs in: builds the handler the way the Lambda runtime does
 * ({@code scf}: SCF's FunctionInvoker with the ingest bean; {@code plain}: {@link PlainIngestHandler}),
 * hands it the event, and prints {@code coldstart <mode> <ms>}: milliseconds from the JVM's start
 * to the first event handled. Configuration comes from system properties (see run.sh).
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        RequestStreamHandler handler = switch (mode) {
            case "scf" -> {
                System.setProperty("MAIN_CLASS", "dev.clipflow.ingest.IngestApplication");
                yield new FunctionInvoker("ingest");
            }
            case "plain" -> new PlainIngestHandler();
            default -> throw new IllegalArgumentException("mode is scf or plain, not " + mode);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new BenchContext());
        long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String result = out.toString(StandardCharsets.UTF_8);
        if (!result.contains("ORPHAN_DELETED")) {
            throw new IllegalStateException("Unexpected result from " + mode + ": " + result);
        }
        System.out.println("coldstart " + mode + " " + elapsed);
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
