package dev.clipflow.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A deployed Clipflow, whichever target it runs on: the HTTP API's base URL, how test users authenticate, the
 * resources the template's Outputs name, and SDK clients that reach them. The end-to-end suite is written
 * against this interface only. Obtain one through {@link DeployedClipflowExtension}.
 */
public interface DeployedClipflow extends AutoCloseable {

    E2eTarget target();

    /** Base URL of the HTTP API (no trailing path). */
    URI apiUrl();

    TestUsers users();

    /** Bucket and table names, the state machine ARN, the user pool (empty locally). */
    StackOutputs outputs();

    S3Client s3();

    DynamoDbClient dynamoDb();

    SfnClient sfn();

    /** How long a small upload may take from completion to PUBLISHED or FAILED on this target. */
    Duration processingTimeout();

    /**
     * The URL to PUT a part to, from the presigned URL the API answered. The same URL except on LocalStack, whose
     * functions presign for the container's own port (LocalStack does not check presigned signatures by default).
     */
    default URI reachable(String presignedUrl) {
        return URI.create(presignedUrl);
    }

    /**
     * Whether the playback URLs the API returns can be fetched from here: CloudFront on AWS, the local runtime's
     * stand-in locally. LocalStack: not checked — how its CloudFront domains are reached from the host was not
     * verified (no Docker where this was written).
     */
    default boolean servesPlayback() {
        return true;
    }

    /**
     * Why this target has no HTTP API (the suite's API steps are then skipped with this reason); empty when it has
     * one.
     */
    default Optional<String> withoutHttpApi() {
        return Optional.empty();
    }

    /** One line: the target and where it is. */
    String describe();

    /** Stops what the target started (local stack, container) and closes its clients; deletes test users. */
    @Override
    void close();
}
