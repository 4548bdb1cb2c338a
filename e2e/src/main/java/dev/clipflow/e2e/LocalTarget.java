package dev.clipflow.e2e;

import dev.clipflow.local.runtime.Up;
import dev.clipflow.local.runtime.api.ApiGatewayEvents.Identity;
import dev.clipflow.local.runtime.api.LocalHttpApi;
import dev.clipflow.local.runtime.template.StateMachineDef;
import dev.clipflow.local.runtime.template.TemplateModel;
import dev.clipflow.testing.template.TableDef;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The local target: {@code ./clipflow up} in-process ({@link Up}: the local runtime plus its HTTP API on a free
 * loopback port), built from the repository's template.yaml and the function zips the reactor built. Users are
 * the documented development identity header ({@link DevIdentityUsers}).
 */
public final class LocalTarget extends DeployedStack {

    private final Up up;

    private LocalTarget(Up up) {
        super(outputs(up), new DevIdentityUsers(), up.stack().clients().s3(), up.stack().clients().dynamoDb(),
                up.stack().clients().sfn());
        this.up = up;
    }

    /** The outputs a deployed stack would have, from the local stack's template (no user pool locally). */
    private static StackOutputs outputs(Up up) {
        TemplateModel t = up.stack().template();
        StateMachineDef sm = t.stateMachine();
        return new StackOutputs(up.api().url(), "", "", t.bucket("UploadsBucket").orElseThrow().name(),
                t.bucket("MediaBucket").orElseThrow().name(), table(t, "VideosTable"), table(t, "ChannelsTable"),
                sm.arn(), "");
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
    public Duration processingTimeout() {
        return Duration.ofMinutes(2);
    }

    @Override
    public String describe() {
        return "local runtime, API " + apiUrl() + " (started in " + up.startup().toMillis() + " ms)";
    }

    @Override
    void stop() {
        up.close();
    }
}
