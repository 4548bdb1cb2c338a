package dev.clipflow.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.MDC;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Spring Cloud Function's {@link FunctionInvoker} (the bean named by {@code SPRING_CLOUD_FUNCTION_DEFINITION})
 * with the invocation's AWS request id in the SLF4J MDC as {@value #REQUEST_ID} while it runs: every line the
 * function logs on the invocation's thread carries it (a field of the structured log line), so a log line leads to
 * the invocation's START/END/REPORT lines and to its X-Ray trace. Removed afterwards: a warm container's next
 * invocation never logs a stale id. Constructed in Lambda's init phase, it registers the SnapStart hooks
 * ({@link SnapStartPriming}) before the snapshot is taken.
 */
public class RequestIdFunctionInvoker extends FunctionInvoker {

    /** The MDC key, and so the log field, of the request id. */
    public static final String REQUEST_ID = "awsRequestId";

    /** As Lambda constructs it: the bean from {@code SPRING_CLOUD_FUNCTION_DEFINITION}. */
    public RequestIdFunctionInvoker() {
        super();
        SnapStartPriming.global().register();
    }

    /** With the bean named (as the local runtime and the tests construct it). */
    public RequestIdFunctionInvoker(String functionDefinition) {
        super(functionDefinition);
        SnapStartPriming.global().register();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        if (requestId == null) {
            super.handleRequest(input, output, context);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(REQUEST_ID, requestId)) {
            super.handleRequest(input, output, context);
        }
    }
}
