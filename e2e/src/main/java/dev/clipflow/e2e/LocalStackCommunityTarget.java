package dev.clipflow.e2e;

import dev.clipflow.local.runtime.api.HttpRoutes;
import dev.clipflow.local.runtime.template.TemplateModel;
import dev.clipflow.testing.media.LocalFfmpeg;
import dev.clipflow.testing.template.CfnYaml;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The localstack-community target: the pinned token-free image {@code localstack/localstack:4.14.0} (no
 * {@code LOCALSTACK_AUTH_TOKEN} passed, even when the host has one) and what it runs of template.yaml
 * ({@link CommunityTemplate}: functions, state machine, buckets, tables, queues, the EventBridge rule; the ffmpeg
 * layer's binaries inside the three ffmpeg functions' zips, since layers are a licensed feature), deployed with the
 * same CreateStack path as the localstack target. There is no HTTP API: the suite calls the API functions directly
 * ({@link #api()}), and the API, Cognito and CDN steps are skipped with {@link #withoutHttpApi()}'s reason.
 */
public final class LocalStackCommunityTarget extends DeployedStack {

    static final String STACK = "clipflow-e2e-community";
    /** Where the zips with the layer's binaries are written, relative to the repository. */
    static final String ZIPS = "e2e/target/localstack-community";
    static final String NO_HTTP_API = "LocalStack community (" + E2eSettings.DEFAULT_LOCALSTACK_COMMUNITY_IMAGE
            + ") has no API Gateway v2 with JWT authorizers, Cognito or CloudFront (licensed features): the HTTP API, "
            + "token and CDN steps run only on the local, localstack and aws targets";

    private final LocalStackContainer container;
    private final DirectApi api;

    private LocalStackCommunityTarget(LocalStackContainer container, SdkClients clients, StackOutputs outputs,
                                      DirectApi api) {
        super(outputs, new DevIdentityUsers(), clients.s3(), clients.dynamoDb(), clients.sfn());
        this.container = container;
        this.api = api;
    }

    /**
     * The community template with the ffmpeg functions pointed at zips that carry the layer's binaries (the pinned
     * release, SHA-256 checked by {@link LocalFfmpeg}).
     *
     * @throws DeployArtifactMissingException when a function zip was not built
     */
    static CommunityTemplate prepare(Path root) {
        CommunityTemplate t = CommunityTemplate.derive(CfnYaml.read(root.resolve("template.yaml")));
        if (!t.layered().isEmpty()) {
            LocalFfmpeg.Binaries ffmpeg = LocalFfmpeg.fetched(LocalFfmpeg.Release.CURRENT, LocalFfmpeg.defaultCache(),
                    System.err::println);
            for (String function : t.layered()) {
                String codeUri = t.codeUri(function);
                String out = ZIPS + "/" + Path.of(codeUri).getFileName();
                LambdaZips.withBinaries(root.resolve(codeUri), Map.of("bin/ffmpeg", ffmpeg.ffmpeg(),
                        "bin/ffprobe", ffmpeg.ffprobe()), root.resolve(out));
                t.codeUri(function, out);
            }
        }
        return t;
    }

    /**
     * Starts the container and deploys the reduced stack (several minutes: image pull, Lambda runtimes).
     *
     * @throws DeployArtifactMissingException when a function zip was not built
     * @throws StackDeployFailedException when the stack does not reach CREATE_COMPLETE
     */
    public static LocalStackCommunityTarget start(E2eSettings settings, Path root) {
        CommunityTemplate template = prepare(root);
        LocalStackContainer c = LocalStackTarget.container(settings, Map.of());
        c.start();
        try {
            URI endpoint = c.getEndpoint();
            SdkClients clients = SdkClients.forEndpoint(endpoint, c.getAccessKey(), c.getSecretKey(), c.getRegion());
            Map<String, String> raw;
            Map<String, String> functions = new LinkedHashMap<>();
            try (S3Client s3 = clients.s3(); CloudFormationClient cfn = clients.cloudFormation()) {
                raw = new LocalStackDeployer(s3, cfn).deploy(template.yaml(), root, STACK, Duration.ofMinutes(15));
                cfn.listStackResourcesPaginator(r -> r.stackName(STACK)).stackResourceSummaries().stream()
                        .filter(s -> "AWS::Lambda::Function".equals(s.resourceType()))
                        .forEach((StackResourceSummary s) -> functions.put(s.logicalResourceId(),
                                s.physicalResourceId()));
            }
            HttpRoutes routes = HttpRoutes.from(TemplateModel.load(root.resolve("template.yaml")).functions());
            DirectApi api = new DirectApi(routes, functions,
                    new LambdaInvoke(endpoint, clients.credentials(), clients.region()));
            return new LocalStackCommunityTarget(c, clients, StackOutputs.withoutHttpApi(raw), api);
        } catch (RuntimeException e) {
            c.stop();
            throw e;
        }
    }

    /** The HTTP API's functions, invoked directly with API Gateway's events. */
    public DirectApi api() {
        return api;
    }

    @Override
    public Optional<String> withoutHttpApi() {
        return Optional.of(NO_HTTP_API);
    }

    @Override
    public E2eTarget target() {
        return E2eTarget.LOCALSTACK_COMMUNITY;
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
        return "LocalStack community " + container.getDockerImageName() + " at " + container.getEndpoint()
                + " (no HTTP API: functions invoked directly)";
    }

    @Override
    void stop() {
        container.stop();
    }
}
