package dev.clipflow.e2e;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The localstack target: a LocalStack container (Testcontainers, pinned image, {@code LOCALSTACK_AUTH_TOKEN}
 * passed through when set; Testcontainers mounts the Docker socket so LocalStack runs the Lambda zips in their own
 * containers), {@code sam build}'s template deployed into it ({@link LocalStackDeployer}), and the suite run against
 * LocalStack's own API Gateway, Lambda, Step Functions, S3/EventBridge, DynamoDB, SQS and Cognito.
 */
public final class LocalStackTarget extends DeployedStack {

    static final String STACK = "clipflow-e2e";

    private final LocalStackContainer container;

    private LocalStackTarget(LocalStackContainer container, SdkClients clients, StackOutputs outputs) {
        super(outputs, new CognitoTestUsers(clients.cognito(), outputs.userPoolId(), outputs.userPoolClientId()),
                clients.s3(), clients.dynamoDb(), clients.sfn());
        this.container = container;
    }

    /** The container for the settings' image, with {@link #containerEnv}. */
    static LocalStackContainer container(E2eSettings settings, Map<String, String> hostEnv) {
        LocalStackContainer c = new LocalStackContainer(DockerImageName.parse(settings.localstackImage()));
        containerEnv(hostEnv).forEach(c::withEnv);
        c.withStartupTimeout(Duration.ofMinutes(5));
        return c;
    }

    /**
     * The container's environment: {@code LOCALSTACK_AUTH_TOKEN} passed through when the host has it (the Pro image
     * needs it; never printed; the localstack-community target passes an empty host environment); a longer wait for
     * Lambda runtimes (a Spring
     * Cloud Function cold start in a Lambda container takes longer than LocalStack's default); and presigned-URL
     * signatures not checked, stated rather than assumed (newer images check them): the functions presign for
     * the container's port 4566, the suite sends the same URL to the mapped port ({@link #reachable}), and the
     * {@code host} header is part of the signature.
     */
    static Map<String, String> containerEnv(Map<String, String> hostEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        String token = hostEnv.get("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            env.put("LOCALSTACK_AUTH_TOKEN", token);
        }
        env.put("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "120");
        env.put("S3_SKIP_SIGNATURE_VALIDATION", "1");
        return env;
    }

    /** What {@code sam build} writes: the template {@code sam deploy} deploys, its paths relative to it. */
    static final String BUILT_TEMPLATE = ".aws-sam/build/template.yaml";

    /**
     * Starts the container and deploys the stack {@code sam build} wrote (several minutes: image pull, Lambda
     * runtimes): the same function zips and the same built ffmpeg layer as {@code sam deploy} uploads.
     *
     * @throws DeployArtifactMissingException when {@code sam build} has not run, or a function zip was not built
     * @throws StackDeployFailedException when the stack does not reach CREATE_COMPLETE
     */
    public static LocalStackTarget start(E2eSettings settings, Path root) {
        Path built = root.resolve(BUILT_TEMPLATE);
        if (!Files.isRegularFile(built)) {
            throw new DeployArtifactMissingException(built);
        }
        LocalStackContainer c = container(settings, System.getenv());
        c.start();
        try {
            URI endpoint = c.getEndpoint();
            SdkClients clients = SdkClients.forEndpoint(endpoint, c.getAccessKey(), c.getSecretKey(), c.getRegion());
            Map<String, String> raw;
            try (S3Client s3 = clients.s3(); CloudFormationClient cfn = clients.cloudFormation()) {
                raw = new LocalStackDeployer(s3, cfn).deploy(built, STACK,
                        Duration.ofMinutes(15));
            }
            StackOutputs outputs = StackOutputs.from(raw);
            return new LocalStackTarget(c, clients, outputs.withApiUrl(LocalStackUrls.api(outputs.apiUrl(),
                    endpoint)));
        } catch (RuntimeException e) {
            c.stop();
            throw e;
        }
    }

    @Override
    public E2eTarget target() {
        return E2eTarget.LOCALSTACK;
    }

    @Override
    public Duration processingTimeout() {
        return Duration.ofMinutes(5);
    }

    @Override
    public boolean servesPlayback() {
        return false;
    }

    @Override
    public URI reachable(String presignedUrl) {
        return LocalStackUrls.reachable(presignedUrl, container.getEndpoint());
    }

    @Override
    public String describe() {
        return "LocalStack " + container.getDockerImageName() + " at " + container.getEndpoint() + ", API " + apiUrl();
    }

    @Override
    void stop() {
        container.stop();
    }
}
