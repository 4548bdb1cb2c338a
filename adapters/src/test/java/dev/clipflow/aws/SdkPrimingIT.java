package dev.clipflow.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.template.TemplateTables;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * SnapStart priming of the SDK path (docs/adr/0015) against the DynamoDB emulator: a primed call runs through
 * marshalling and signing and is not sent (an HTTP client that records what it is asked to send sees nothing), the
 * real credentials are not resolved while priming, and the same client's next call is sent and answered.
 */
class SdkPrimingIT {
    private final Recorder sent = new Recorder(UrlConnectionHttpClient.create());
    private final AwsClients aws = new AwsClients(Emulators.shared().lookup(), sent);
    private final DynamoDbClient dynamo = aws.dynamoDb();

    @Test
    void primedGetItem_signedNotSent_thenARealCallIsSentAndAnswered() {
        String table = Emulators.uniqueName("videos");
        TemplateTables.create(dynamo, TemplateTables.VIDEOS, table);
        var videos = new DynamoVideoRepository(dynamo, table);
        sent.requests.clear();

        List<SdkPriming.PrimedCall> primed = SdkPriming.prime(() -> videos.find("snapstart-priming-no-such-video"));

        assertThat(primed).singleElement().satisfies(call -> {
            assertThat(call.service()).isEqualTo("DynamoDb");
            assertThat(call.operation()).isEqualTo("GetItem");
            assertThat(call.signed()).as("SigV4-signed with the priming credentials").isTrue();
            assertThat(call.host()).isEqualTo(aws.endpoint("dynamodb").orElseThrow().getHost());
        });
        assertThat(sent.requests).as("nothing sent while priming").isEmpty();

        assertThat(videos.find("snapstart-priming-no-such-video")).isEmpty();
        assertThat(sent.requests).singleElement().asString()
                .contains("Credential=" + Emulators.shared().lookup().apply("AWS_ACCESS_KEY_ID") + "/")
                .doesNotContain(SdkPriming.ACCESS_KEY_ID);
    }

    @Test
    void primedQuery_ofAMissingTable_neverReachesTheEmulator() {
        var feeds = new DynamoFeedStore(dynamo, Emulators.uniqueName("no-such-feeds"));

        List<SdkPriming.PrimedCall> primed = SdkPriming.prime(() -> feeds.viewerFeed("snapstart-priming", null, 1));

        assertThat(primed).extracting(SdkPriming.PrimedCall::operation).containsExactly("Query");
        assertThat(sent.requests).isEmpty();
        assertThatThrownBy(() -> feeds.viewerFeed("snapstart-priming", null, 1))
                .as("the same call not primed is sent: the table does not exist")
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(sent.requests).hasSize(1);
    }

    @Test
    void whilePriming_theRealCredentialsAreNotResolved() {
        var counting = new CountingCredentials();
        DynamoDbClient client = DynamoDbClient.builder().httpClient(sent).region(Region.US_EAST_1)
                .endpointOverride(aws.endpoint("dynamodb").orElseThrow())
                .credentialsProvider(SdkPriming.credentials(counting))
                .overrideConfiguration(o -> o.addExecutionInterceptor(SdkPriming.INTERCEPTOR)).build();

        SdkPriming.prime(() -> client.listTables());
        assertThat(counting.calls).as("credentials resolved while priming").hasValue(0);
        assertThat(sent.requests).isEmpty();

        client.listTables();
        assertThat(counting.calls).hasValue(1);
        assertThat(sent.requests).hasSize(1);
    }

    @Test
    void primingWithoutAnSdkCall_orAFailureOfItsOwn_named() {
        assertThatThrownBy(() -> SdkPriming.prime(() -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("priming made no SDK call through a client AwsClients built");
        assertThatThrownBy(() -> SdkPriming.prime(() -> {
            throw new IllegalArgumentException("the function's own bug");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("the function's own bug");
        assertThatThrownBy(() -> SdkPriming.prime(() -> SdkPriming.prime(dynamo::listTables)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already active");
        assertThat(sent.requests).isEmpty();
    }

    /** An HTTP client that records each request's Authorization header before sending it. */
    private static final class Recorder implements SdkHttpClient {
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final SdkHttpClient delegate;

        Recorder(SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests.add(request.httpRequest().firstMatchingHeader("Authorization").orElse("(unsigned)"));
            return delegate.prepareRequest(request);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static final class CountingCredentials implements AwsCredentialsProvider {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public AwsCredentials resolveCredentials() {
            calls.incrementAndGet();
            return AwsBasicCredentials.create("AKIDCOUNTING", "counting-secret");
        }
    }
}
