package dev.clipflow.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * SnapStart priming of the SDK's request path without a request leaving the JVM (docs/adr/0015). Inside
 * {@link #prime(Runnable)} every call through a client {@link AwsClients} built runs as far as the HTTP client:
 * parameter validation, marshalling, endpoint resolution, checksums and SigV4 signing; then the client's interceptor
 * aborts it just before transmission, and {@code prime} swallows that abort. Nothing is sent and no connection is
 * opened.
 *
 * <p>Credentials: while priming is active on a thread, AwsClients' credential providers answer with fixed priming
 * credentials ({@link #ACCESS_KEY_ID}, valid for nothing) and do not ask the real provider. So priming resolves no
 * credentials: on a SnapStart function the default chain would fetch the container credentials over HTTP and cache
 * them in the snapshot. The flag is thread-confined (a sync client resolves identity and runs its interceptors on the
 * calling thread) and captured into the call's execution attributes when the call starts.
 */
public final class SdkPriming {
    private static final Logger LOG = LoggerFactory.getLogger(SdkPriming.class);
    /** The access key id priming requests are signed with: not a credential anywhere. */
    public static final String ACCESS_KEY_ID = "AKIASNAPSTARTPRIMING";
    private static final AwsCredentials CREDENTIALS =
            AwsBasicCredentials.create(ACCESS_KEY_ID, "snapstart-priming-signs-with-no-real-secret");
    private static final ThreadLocal<List<PrimedCall>> ACTIVE = new ThreadLocal<>();
    private static final ExecutionAttribute<List<PrimedCall>> PRIMING =
            new ExecutionAttribute<>("dev.clipflow.aws.SdkPriming");

    /** On every client AwsClients builds: marks calls started while priming, aborts them before transmission. */
    static final ExecutionInterceptor INTERCEPTOR = new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            List<PrimedCall> calls = ACTIVE.get();
            if (calls != null) {
                attributes.putAttribute(PRIMING, calls);
            }
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            List<PrimedCall> calls = attributes.getAttribute(PRIMING);
            if (calls != null) {
                String authorization = context.httpRequest().firstMatchingHeader("Authorization").orElse("");
                calls.add(new PrimedCall(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.httpRequest().host(),
                        authorization.contains("Credential=" + ACCESS_KEY_ID + "/")));
                throw new Aborted();
            }
        }
    };

    private SdkPriming() {
    }

    /**
     * One SDK call run up to transmission and aborted there.
     *
     * @param signed whether the request carried a SigV4 signature with the priming credentials
     */
    public record PrimedCall(String service, String operation, String host, boolean signed) {
    }

    /**
     * Runs {@code calls} (code that makes SDK calls through clients AwsClients built, e.g. a repository's read) with
     * priming active on this thread, and returns the calls aborted before transmission. The abort surfaces in
     * {@code calls} as the SDK's exception; it ends {@code calls} and is swallowed here (so usually only its first
     * SDK call is primed: prime each call on its own). Any other exception propagates.
     *
     * @throws IllegalStateException when {@code calls} made no SDK call through such a client (nothing was primed),
     *                               or priming is already active on this thread
     */
    public static List<PrimedCall> prime(Runnable calls) {
        Objects.requireNonNull(calls, "calls");
        if (ACTIVE.get() != null) {
            throw new IllegalStateException("SDK priming is already active on this thread");
        }
        List<PrimedCall> primed = new ArrayList<>();
        ACTIVE.set(primed);
        try {
            calls.run();
        } catch (RuntimeException e) {
            if (!abortedByPriming(e)) {
                throw e;
            }
        } finally {
            ACTIVE.remove();
        }
        if (primed.isEmpty()) {
            throw new IllegalStateException("priming made no SDK call through a client AwsClients built");
        }
        primed.forEach(call -> LOG.info("SnapStart priming: {}.{} to {} {}, not sent", call.service(),
                call.operation(), call.host(), call.signed() ? "signed" : "NOT signed"));
        return List.copyOf(primed);
    }

    /** {@code delegate}, except while priming is active on the calling thread: then the priming credentials. */
    static AwsCredentialsProvider credentials(AwsCredentialsProvider delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                return ACTIVE.get() != null ? CREDENTIALS : delegate.resolveCredentials();
            }

            @Override
            public String toString() {
                return "SdkPriming(" + delegate + ")";
            }
        };
    }

    private static boolean abortedByPriming(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Aborted) {
                return true;
            }
        }
        return false;
    }

    /** The abort; never leaves {@link #prime}. */
    private static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("SnapStart priming: aborted before transmission", null, false, false);
        }
    }
}
