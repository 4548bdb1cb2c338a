package dev.clipflow.e2e;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * What every target holds the same way: the stack's outputs, its test users and the SDK clients the suite
 * checks the stack with. {@link #close()} deletes the users, closes the clients, then {@link #stop()}s what
 * the target started.
 */
abstract class DeployedStack implements DeployedClipflow {

    private final StackOutputs outputs;
    private final TestUsers users;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SfnClient sfn;

    DeployedStack(StackOutputs outputs, TestUsers users, S3Client s3, DynamoDbClient dynamoDb, SfnClient sfn) {
        this.outputs = outputs;
        this.users = users;
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.sfn = sfn;
    }

    /** The stack's {@code ApiUrl} output. */
    @Override
    public final java.net.URI apiUrl() {
        return outputs.apiUrl();
    }

    @Override
    public final TestUsers users() {
        return users;
    }

    @Override
    public final StackOutputs outputs() {
        return outputs;
    }

    @Override
    public final S3Client s3() {
        return s3;
    }

    @Override
    public final DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    @Override
    public final SfnClient sfn() {
        return sfn;
    }

    /** Stops what the target started (nothing, a container, the local stack). */
    abstract void stop();

    @Override
    public final void close() {
        users.close();
        s3.close();
        dynamoDb.close();
        sfn.close();
        stop();
    }
}
