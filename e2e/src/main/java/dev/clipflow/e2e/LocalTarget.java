package dev.clipflow.e2e;

import dev.clipflow.local.runtime.LocalClipflow;
import dev.clipflow.local.runtime.LocalHttpApi;
import dev.clipflow.local.runtime.Up;
import dev.clipflow.local.runtime.events.ApiGatewayEvents.Identity;
import dev.clipflow.local.runtime.template.StateMachineDef;
import dev.clipflow.local.runtime.template.TableDef;
import dev.clipflow.local.runtime.template.TemplateModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The local target: {@code ./clipflow up} in-process ({@link Up}: the local runtime plus its HTTP API on a free
 * loopback port), built from the repository's template.yaml and the function zips the reactor built. Users are
 * the documented development identity header ({@link DevIdentityUsers}).
 */
public final class LocalTarget implements DeployedClipflow {

    private final Up up;
    private final StackOutputs outputs;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SfnClient sfn;
    private final TestUsers users = new DevIdentityUsers();

    private LocalTarget(Up up) {
        this.up = up;
        LocalClipflow stack = up.stack();
        TemplateModel t = stack.template();
        StateMachineDef sm = t.stateMachine();
        this.outputs = new StackOutputs(up.api().url(), "", "", t.bucket("UploadsBucket").orElseThrow().name(),
                t.bucket("MediaBucket").orElseThrow().name(), table(t, "VideosTable"), table(t, "ChannelsTable"),
                sm.arn(), "");
        this.s3 = stack.clients().s3();
        this.dynamoDb = stack.clients().dynamoDb();
        this.sfn = stack.clients().sfn();
    }

    /** Starts the stack from {@code <root>/template.yaml}; function zips are extracted under e2e/target. */
    public static LocalTarget start(Path root) {
        if (!LocalHttpApi.USER_HEADER.equals(DevIdentityUsers.HEADER)) {
            throw new IllegalStateException("The local runtime's identity header is " + LocalHttpApi.USER_HEADER);
        }
        System.setProperty("logging.level.root", System.getProperty("logging.level.root", "WARN"));
        return new LocalTarget(Up.start(root.resolve("template.yaml"), root.resolve("e2e/target/function-cache"), 0,
                1.0, Identity.DEV));
    }

    private static String table(TemplateModel t, String logicalId) {
        return t.tables().stream().filter(d -> d.logicalId().equals(logicalId)).map(TableDef::name).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no table " + logicalId));
    }

    @Override
    public E2eTarget target() {
        return E2eTarget.LOCAL;
    }

    @Override
    public URI apiUrl() {
        return up.api().url();
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
        return Duration.ofMinutes(2);
    }

    @Override
    public String describe() {
        return "local runtime, API " + apiUrl() + " (started in " + up.startup().toMillis() + " ms)";
    }

    @Override
    public void close() {
        users.close();
        s3.close();
        dynamoDb.close();
        sfn.close();
        up.close();
    }
}
