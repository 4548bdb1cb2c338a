package dev.clipflow.testing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The Docker-free AWS-protocol emulators, started on loopback once per JVM and stopped when it
 * exits: S3Proxy (S3, in-process, checks SigV4 and presigned URLs), ElasticMQ (SQS, in-process),
 * Dynoxide (DynamoDB, a child process) and a minimal Secrets Manager of our own
 * ({@link SecretsManagerEmulator}, in-process).
 *
 * <p>Tests get an {@link #config() environment} in the shape the functions read
 * ({@code AWS_ENDPOINT_URL_S3}, ..., credentials, region) and build their clients from it with
 * {@code new AwsClients(emulators.lookup())}. {@link #exportAsSystemProperties()} makes a Spring
 * Cloud Function application started in the same JVM see the same configuration.
 */
public final class Emulators {
    public static final String ACCESS_KEY = "clipflow-test";
    public static final String SECRET_KEY = "clipflow-test-secret";
    public static final String REGION = "us-east-1";

    private static final AtomicReference<Emulators> SHARED = new AtomicReference<>();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final S3ProxyEmulator s3;
    private final ElasticMqEmulator sqs;
    private final DynoxideEmulator dynamo;
    private final SecretsManagerEmulator secrets;

    private Emulators(S3ProxyEmulator s3, ElasticMqEmulator sqs, DynoxideEmulator dynamo,
                      SecretsManagerEmulator secrets) {
        this.s3 = s3;
        this.sqs = sqs;
        this.dynamo = dynamo;
        this.secrets = secrets;
    }

    /** The emulators of this JVM, started on first use. */
    public static synchronized Emulators shared() {
        Emulators running = SHARED.get();
        if (running == null) {
            running = start();
            SHARED.set(running);
            Emulators toStop = running;
            Runtime.getRuntime().addShutdownHook(new Thread(toStop::stop, "emulators-shutdown"));
        }
        return running;
    }

    /** Starts a fresh, private set of emulators; the caller stops them. */
    public static Emulators start() {
        S3ProxyEmulator s3 = S3ProxyEmulator.start(ACCESS_KEY, SECRET_KEY);
        ElasticMqEmulator sqs = null;
        SecretsManagerEmulator secrets = null;
        try {
            sqs = ElasticMqEmulator.start();
            secrets = SecretsManagerEmulator.start();
            DynoxideEmulator dynamo = DynoxideEmulator.start();
            return new Emulators(s3, sqs, dynamo, secrets);
        } catch (RuntimeException e) {
            s3.stop();
            if (sqs != null) {
                sqs.stop();
            }
            if (secrets != null) {
                secrets.stop();
            }
            throw e;
        }
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    public URI sqsEndpoint() {
        return sqs.endpoint();
    }

    public URI dynamoDbEndpoint() {
        return dynamo.endpoint();
    }

    public URI secretsManagerEndpoint() {
        return secrets.endpoint();
    }

    /** Endpoint overrides, credentials and region, named as the AWS SDKs and our functions read them. */
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("AWS_ENDPOINT_URL_S3", s3Endpoint().toString());
        config.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
        config.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString());
        config.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManagerEndpoint().toString());
        config.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        config.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        config.put("AWS_REGION", REGION);
        return Map.copyOf(config);
    }

    /** {@link #config()} as a lookup, falling back to nothing. */
    public UnaryOperator<String> lookup() {
        Map<String, String> config = config();
        return config::get;
    }

    /** {@link #config()} plus extra entries (table and bucket names, ...), as a lookup. */
    public UnaryOperator<String> lookup(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(config());
        all.putAll(extra);
        return all::get;
    }

    /** Sets every {@link #config()} entry as a system property (Spring's Environment reads them). */
    public void exportAsSystemProperties() {
        config().forEach(System::setProperty);
    }

    /** A name no other test in this JVM gets: lower case, digits and dashes, at least 3 characters. */
    public static String uniqueName(String prefix) {
        return (prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet()).toLowerCase(Locale.ROOT);
    }

    public void stop() {
        secrets.stop();
        dynamo.stop();
        sqs.stop();
        s3.stop();
    }
}
