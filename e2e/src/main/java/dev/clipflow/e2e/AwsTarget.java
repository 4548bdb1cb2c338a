package dev.clipflow.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;

/**
 * The aws target: an existing stack (deployed with {@code sam deploy}) found by name with DescribeStacks; its
 * Outputs give the API URL, the user pool and client, the buckets, tables and state machine. Test users are
 * created in the stack's user pool and deleted on {@link #close()}.
 */
public final class AwsTarget extends DeployedStack {

    private final E2eSettings settings;

    private AwsTarget(E2eSettings settings, SdkClients clients, StackOutputs outputs) {
        super(outputs, new CognitoTestUsers(clients.cognito(), outputs.userPoolId(), outputs.userPoolClientId()),
                clients.s3(), clients.dynamoDb(), clients.sfn());
        this.settings = settings;
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
    public Duration processingTimeout() {
        return Duration.ofMinutes(5);
    }

    @Override
    public String describe() {
        return "aws stack " + settings.stack() + " (" + settings.describe() + "), API " + apiUrl();
    }

    @Override
    void stop() {
        // an existing stack: nothing was started
    }
}
