package dev.clipflow.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients every function uses, the same way against AWS, LocalStack or the local
 * emulators.
 *
 * <p>Configuration is read through a lookup (a function uses Spring's {@code Environment}, so
 * system properties work as well as environment variables; tests pass their own):
 * <ul>
 *   <li>{@code AWS_ENDPOINT_URL_<SERVICE>} (S3, DYNAMODB, SQS, SFN, SECRETS_MANAGER,
 *       EVENTBRIDGE), else {@code AWS_ENDPOINT_URL}: an
 *       endpoint override, as the AWS SDKs and CLI define these variables;</li>
 *   <li>{@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else {@code us-east-1};</li>
 *   <li>with an endpoint override only: {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} as static
 *       credentials (emulators); without one, the default provider chain (Lambda's role): one provider for the
 *       clients of an instance, dropped and re-created after every SnapStart restore
 *       ({@link RestorableCredentials}).</li>
 * </ul>
 * With an S3 endpoint override the S3 client uses path-style addressing and computes checksums
 * only when an operation requires them (S3Proxy rejects the SDK's default trailing checksums);
 * against AWS the SDK defaults stay. HTTP is the URL-connection client: light, no extra threads,
 * and safe under SnapStart. Every client carries {@link SdkPriming}'s interceptor and credentials: a call made while
 * priming is signed with priming credentials and aborted before it is sent.
 */
public final class AwsClients {
    private static final Duration API_TIMEOUT = Duration.ofSeconds(30);

    private final UnaryOperator<String> config;
    private final SdkHttpClient http;
    private final Supplier<? extends AwsCredentialsProvider> defaultChain;
    private RestorableCredentials restorable;

    public AwsClients(UnaryOperator<String> config) {
        this(config, UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build());
    }

    /** Clients on {@code http} (tests: an HTTP client that records what is sent). */
    AwsClients(UnaryOperator<String> config, SdkHttpClient http) {
        this(config, http, () -> DefaultCredentialsProvider.builder().build());
    }

    /**
     * Clients on {@code http} whose credentials, without static emulator credentials, come from providers
     * {@code defaultChain} creates (tests: a provider that counts its resolutions and closes).
     */
    AwsClients(UnaryOperator<String> config, SdkHttpClient http,
               Supplier<? extends AwsCredentialsProvider> defaultChain) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.defaultChain = Objects.requireNonNull(defaultChain, "defaultChain");
    }

    /** Clients configured from the process environment. */
    public static AwsClients fromEnvironment() {
        return new AwsClients(System::getenv);
    }

    public Region region() {
        String region = value("AWS_REGION").or(() -> value("AWS_DEFAULT_REGION")).orElse("us-east-1");
        return Region.of(region);
    }

    /** The endpoint override for a service ("s3", "dynamodb", "sqs", "sfn", "secrets_manager",
     * "eventbridge"), if any. */
    public Optional<URI> endpoint(String service) {
        return value("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT))
                .or(() -> value("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    public S3Client s3() {
        var builder = S3Client.builder().httpClient(http).region(region()).credentialsProvider(credentials("s3"))
                .overrideConfiguration(overrides(Duration.ofMinutes(5)));
        endpoint("s3").ifPresent(uri -> builder.endpointOverride(uri)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    public S3Presigner s3Presigner() {
        var builder = S3Presigner.builder().region(region()).credentialsProvider(credentials("s3"));
        endpoint("s3").ifPresent(uri -> builder.endpointOverride(uri)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    public DynamoDbClient dynamoDb() {
        var builder = DynamoDbClient.builder().httpClient(http).region(region())
                .credentialsProvider(credentials("dynamodb"))
                .overrideConfiguration(overrides(API_TIMEOUT));
        endpoint("dynamodb").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public SqsClient sqs() {
        var builder = SqsClient.builder().httpClient(http).region(region()).credentialsProvider(credentials("sqs"))
                .overrideConfiguration(overrides(API_TIMEOUT));
        endpoint("sqs").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public SfnClient sfn() {
        var builder = SfnClient.builder().httpClient(http).region(region()).credentialsProvider(credentials("sfn"))
                .overrideConfiguration(overrides(API_TIMEOUT));
        endpoint("sfn").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public SecretsManagerClient secretsManager() {
        var builder = SecretsManagerClient.builder().httpClient(http).region(region())
                .credentialsProvider(credentials("secrets_manager"))
                .overrideConfiguration(overrides(API_TIMEOUT));
        endpoint("secrets_manager").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** CloudFront (a global service, signed for us-east-1); only the video-deletion function carries its client. */
    public software.amazon.awssdk.services.cloudfront.CloudFrontClient cloudFront() {
        var builder = software.amazon.awssdk.services.cloudfront.CloudFrontClient.builder().httpClient(http)
                .region(Region.AWS_GLOBAL).credentialsProvider(credentials("cloudfront"))
                .overrideConfiguration(overrides(API_TIMEOUT));
        endpoint("cloudfront").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public EventBridgeClient eventBridge() {
        var builder = EventBridgeClient.builder().httpClient(http).region(region())
                .credentialsProvider(credentials("eventbridge"))
                .overrideConfiguration(overrides(API_TIMEOUT));
        endpoint("eventbridge").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The {@code @connections} client of one WebSocket API stage, {@code https://<api id>.execute-api.<region>.
     * amazonaws.com/<stage>} (each API has its own endpoint, so it is a parameter), unless
     * {@code AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI} overrides it (tests; the path includes the stage). Needs
     * {@code software.amazon.awssdk:apigatewaymanagementapi}, which only the live function carries.
     */
    public ApiGatewayManagementApiClient apiGatewayManagementApi(URI stageEndpoint) {
        return ApiGatewayManagementApiClient.builder().httpClient(http).region(region())
                .credentialsProvider(credentials("apigatewaymanagementapi"))
                .overrideConfiguration(overrides(API_TIMEOUT))
                .endpointOverride(endpoint("apigatewaymanagementapi").orElse(stageEndpoint)).build();
    }

    /** The call timeout, and {@link SdkPriming}'s interceptor: a call made while priming is not sent. */
    private static Consumer<ClientOverrideConfiguration.Builder> overrides(Duration apiCallTimeout) {
        return o -> o.apiCallTimeout(apiCallTimeout).addExecutionInterceptor(SdkPriming.INTERCEPTOR);
    }

    /** The credentials, never resolved while {@link SdkPriming} is active on the calling thread. */
    private AwsCredentialsProvider credentials(String service) {
        Optional<String> key = value("AWS_ACCESS_KEY_ID");
        Optional<String> secret = value("AWS_SECRET_ACCESS_KEY");
        if (endpoint(service).isPresent() && key.isPresent() && secret.isPresent()) {
            return SdkPriming.credentials(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get())));
        }
        return SdkPriming.credentials(restorableCredentials());
    }

    /**
     * The default-chain credentials of this instance's clients, one provider for all of them, re-created after a
     * SnapStart restore ({@link RestorableCredentials}): a snapshot holds no credentials a restored sandbox uses.
     */
    synchronized RestorableCredentials restorableCredentials() {
        if (restorable == null) {
            restorable = new RestorableCredentials(defaultChain).register();
        }
        return restorable;
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(config.apply(name)).filter(v -> !v.isBlank());
    }
}
