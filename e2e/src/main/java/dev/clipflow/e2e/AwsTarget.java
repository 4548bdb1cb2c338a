package dev.clipflow.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The aws target: an existing stack (deployed with {@code sam deploy}) found by name with DescribeStacks; its
 * Outputs give the API URL, the user pool and client, the buckets, tables and state machine. Test users are
 * created in the stack's user pool and deleted on {@link #close()}.
 */
public final class AwsTarget implements DeployedClipflow {

    private final E2eSettings settings;
    private final StackOutputs outputs;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SfnClient sfn;
    private final CognitoTestUsers users;

    private AwsTarget(E2eSettings settings, SdkClients clients, StackOutputs outputs) {
        this.settings = settings;
        this.outputs = outputs;
        this.s3 = clients.s3();
        this.dynamoDb = clients.dynamoDb();
        this.sfn = clients.sfn();
        this.users = new CognitoTestUsers(clients.cognito(), outputs.userPoolId(), outputs.userPoolClientId());
    }

    /**
     * @throws StackOutputMissingException when the stack lacks an output the suite needs
     */
    public static AwsTarget open(E2eSettings settings) {
        SdkClients clients = SdkClients.forAws(settings);
        try (CloudFormationClient cfn = clients.cloudFormation()) {
            return new AwsTarget(settings, clients, StackOutputs.from(outputs(cfn, settings.stack())));
        }
    }

    /** A stack's Outputs as OutputKey to OutputValue. */
    static Map<String, String> outputs(CloudFormationClient cfn, String stack) {
        return cfn.describeStacks(r -> r.stackName(stack)).stacks().getFirst().outputs().stream()
                .collect(Collectors.toMap(Output::outputKey, Output::outputValue, (a, b) -> a));
    }

    @Override
    public E2eTarget target() {
        return E2eTarget.AWS;
    }

    @Override
    public URI apiUrl() {
        return outputs.apiUrl();
    }

    @Override
    public TestUsers users() {
        return users;
    }

    @Override
    public StackOutputs outputs() {
        return outputs;
    }

    @Override
    public S3Client s3() {
        return s3;
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    @Override
    public SfnClient sfn() {
        return sfn;
    }

    @Override
    public Duration processingTimeout() {
        return Duration.ofMinutes(5);
    }

    @Override
    public String describe() {
        return "aws stack " + settings.stack() + " (" + settings.describe() + "), API " + apiUrl();
    }

    @Override
    public void close() {
        users.close();
        s3.close();
        dynamoDb.close();
        sfn.close();
    }
}
