package dev.clipflow.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.messaging.Message;
import org.springframework.util.StreamUtils;
import org.springframework.util.StringUtils;

/**
 * The handler of every function (the template's {@code Handler}): Spring Cloud Function's AWS invocation, as its
 * {@link FunctionInvoker} does it, on a context started without Spring Boot's application run
 * ({@link FunctionContext}, docs/adr/0015). The function is the bean named by {@code SPRING_CLOUD_FUNCTION_DEFINITION}
 * in the start class named by {@code MAIN_CLASS}; Spring Cloud Function's catalog looks it up and its message
 * conversion turns the event into the function's input and its output into the answer
 * ({@link AWSLambdaUtils}, as {@code FunctionInvoker}).
 *
 * <p>While an invocation runs, its AWS request id is in the SLF4J MDC as {@value #REQUEST_ID}: every line the
 * function logs on the invocation's thread carries it (a field of the structured log line), so a log line leads to
 * the invocation's START/END/REPORT lines and to its X-Ray trace. Removed afterwards: a warm container's next
 * invocation never logs a stale id. Constructed in Lambda's init phase, it registers the SnapStart hooks
 * ({@link SnapStartPriming}) before the snapshot is taken, with a warm-up for each {@link PrimingRequest} the start
 * class declares: the request sent through this handler (request id {@value PrimingContext#REQUEST_ID}), and each
 * {@link PrimingStep} (an SDK call signed and not sent).
 */
public class RequestIdFunctionInvoker implements RequestStreamHandler {

    /** The MDC key, and so the log field, of the request id. */
    public static final String REQUEST_ID = "awsRequestId";

    /** The environment property (variable {@code SPRING_CLOUD_FUNCTION_DEFINITION}) naming the function bean. */
    static final String DEFINITION = "spring.cloud.function.definition";

    private static final Logger LOG = LoggerFactory.getLogger(RequestIdFunctionInvoker.class);

    private final GenericApplicationContext context;
    private final JsonMapper jsonMapper;
    private final FunctionInvocationWrapper function;

    /** As Lambda constructs it: the bean from {@code SPRING_CLOUD_FUNCTION_DEFINITION}. */
    public RequestIdFunctionInvoker() {
        this(null);
    }

    /** With the bean named (as the local runtime and the tests construct it). */
    public RequestIdFunctionInvoker(String functionDefinition) {
        this(FunctionContext.start(), functionDefinition);
    }

    /** On a context started elsewhere (the cold-start benchmark's candidates, bench/cold-start). */
    RequestIdFunctionInvoker(GenericApplicationContext context, String functionDefinition) {
        this.context = context;
        String definition = StringUtils.hasText(functionDefinition)
                ? functionDefinition : context.getEnvironment().getProperty(DEFINITION);
        if (!StringUtils.hasText(definition)) {
            throw new IllegalStateException("No function named: set SPRING_CLOUD_FUNCTION_DEFINITION to the bean of "
                    + context.getDisplayName());
        }
        this.jsonMapper = context.getBean(JsonMapper.class);
        this.function = context.getBean(FunctionCatalog.class).lookup(definition, "application/json");
        if (function == null) {
            throw new IllegalStateException("No function '" + definition + "' in the catalog of "
                    + context.getDisplayName() + ": SPRING_CLOUD_FUNCTION_DEFINITION names a bean"
                    + " its start class registers with FunctionBeans.register");
        }
        if (function.isOutputTypePublisher()) {
            function.setSkipOutputConversion(true);
        }
        SnapStartPriming priming = SnapStartPriming.global();
        for (PrimingRequest request : context.getBeansOfType(PrimingRequest.class).values()) {
            priming.warmUp(request.name(), () -> prime(request));
        }
        for (PrimingStep step : context.getBeansOfType(PrimingStep.class).values()) {
            priming.warmUp(step.name(), step.action());
        }
        priming.register();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context lambdaContext) throws IOException {
        String requestId = lambdaContext == null ? null : lambdaContext.getAwsRequestId();
        if (requestId == null) {
            invoke(input, output, lambdaContext);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(REQUEST_ID, requestId)) {
            invoke(input, output, lambdaContext);
        }
    }

    /** The function's Spring context (tests, and SnapStart warm-ups that need a bean). */
    public GenericApplicationContext context() {
        return context;
    }

    /** Sends a priming request through the whole invocation; the answer is dropped. */
    private void prime(PrimingRequest request) {
        try {
            handleRequest(new ByteArrayInputStream(request.bytes()), OutputStream.nullOutputStream(),
                    new PrimingContext());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spring Cloud Function's AWS invocation, step for step as {@link FunctionInvoker#handleRequest}. */
    private void invoke(InputStream input, OutputStream output, Context lambdaContext) throws IOException {
        if (lambdaContext == null) {
            LOG.warn("Lambda is invoked with null Context");
        }
        Message<byte[]> request = AWSLambdaUtils.generateMessage(input, function.getInputType(),
                function.isSupplier(), jsonMapper, lambdaContext);
        Object response = function.apply(request);
        StreamUtils.copy(AWSLambdaUtils.generateOutputFromObject(request, response, jsonMapper,
                function.getOutputType()), output);
    }
}
