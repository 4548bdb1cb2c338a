package dev.clipflow.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.template.TemplateTables;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * After a SnapStart restore the clients AwsClients built resolve credentials through a new provider, not the one
 * (and its cache) in the snapshot (docs/adr/0015): the restore hook is called as the runtime would call it, against
 * the DynamoDB emulator.
 */
class RestorableCredentialsIT {
    private static final UnaryOperator<String> EMULATORS = Emulators.shared().lookup();
    /** The emulators' endpoints without static credentials: AwsClients takes the default-chain path. */
    private static final UnaryOperator<String> NO_STATIC_CREDENTIALS =
            name -> name.startsWith("AWS_ACCESS_KEY_ID") || name.startsWith("AWS_SECRET_ACCESS_KEY")
                    ? null : EMULATORS.apply(name);

    private final List<CachingProvider> created = new CopyOnWriteArrayList<>();
    private final AwsClients aws = new AwsClients(NO_STATIC_CREDENTIALS, UrlConnectionHttpClient.create(), () -> {
        CachingProvider provider = new CachingProvider();
        created.add(provider);
        return provider;
    });

    @Test
    void afterRestore_theNextCallResolvesThroughANewProvider_theOldOneClosed() {
        DynamoDbClient dynamo = aws.dynamoDb();
        String table = Emulators.uniqueName("videos");
        TemplateTables.create(dynamo, TemplateTables.VIDEOS, table);
        var videos = new DynamoVideoRepository(dynamo, table);
        assertThat(videos.find("before-the-snapshot")).isEmpty();
        aws.sqs();
        assertThat(created).as("one provider for the instance's clients, its credentials fetched once (cached)")
                .singleElement().satisfies(p -> assertThat(p.fetches).hasValue(1));

        aws.restorableCredentials().afterRestore(null);

        CachingProvider snapshotted = created.getFirst();
        assertThat(snapshotted.closed).as("the snapshot's provider closed").isTrue();
        assertThat(videos.find("after-the-restore")).as("a real call after the restore").isEmpty();
        assertThat(created).as("a new provider instance after the restore").hasSize(2);
        assertThat(created.get(1)).isNotSameAs(snapshotted);
        assertThat(created.get(1).fetches).hasValue(1);
        assertThat(snapshotted.fetches).as("the snapshot's cached credentials not used again").hasValue(1);
    }

    @Test
    void staticEmulatorCredentials_takeNoRestorableProvider() {
        var withStatic = new AwsClients(EMULATORS, UrlConnectionHttpClient.create(), () -> {
            throw new AssertionError("the default chain asked for with static credentials configured");
        });

        withStatic.dynamoDb().listTables();
    }

    /** Fetches its credentials once and caches them, as the container credentials provider does. */
    private static final class CachingProvider implements AwsCredentialsProvider, SdkAutoCloseable {
        final AtomicInteger fetches = new AtomicInteger();
        volatile boolean closed;
        private volatile AwsCredentials cached;

        @Override
        public synchronized AwsCredentials resolveCredentials() {
            if (closed) {
                throw new IllegalStateException("resolved through a closed provider");
            }
            if (cached == null) {
                fetches.incrementAndGet();
                cached = AwsBasicCredentials.create(EMULATORS.apply("AWS_ACCESS_KEY_ID"),
                        EMULATORS.apply("AWS_SECRET_ACCESS_KEY"));
            }
            return cached;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
