package dev.clipflow.local.runtime.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.local.runtime.LocalClipflow;
import dev.clipflow.local.runtime.RepoRoot;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real template's roles on the local stack's endpoints, called with each role's own key as a function calls
 * them: a call the role does not allow fails with the service's own AccessDenied shape and AWS's message; one it
 * allows goes through; the stack's own key is not restricted.
 */
class IamEndpointsIT {

    static LocalClipflow stack;
    static String uploads;
    static String media;
    static String videos;

    @BeforeAll
    static void start() {
        Path root = RepoRoot.get();
        stack = LocalClipflow.start(root.resolve("template.yaml"), root.resolve("local/runtime/target/function-cache"));
        uploads = stack.template().bucket("UploadsBucket").orElseThrow().name();
        media = stack.template().bucket("MediaBucket").orElseThrow().name();
        videos = stack.template().tables().stream().filter(t -> t.logicalId().equals("VideosTable")).findFirst()
                .orElseThrow().name();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static AwsClients as(String function) {
        Map<String, String> config = new LinkedHashMap<>(stack.config());
        config.put("AWS_ACCESS_KEY_ID", stack.accessKeyId(function).orElseThrow());
        return new AwsClients(config::get);
    }

    private static String principal(String owner) {
        return "User: arn:aws:sts::000000000000:assumed-role/clipflow-local-" + owner + "Role/";
    }

    @Test
    void dynamoDb_actionNotGranted_400AccessDeniedExceptionNamingRoleActionResource() {
        var item = Map.of("videoId", AttributeValue.fromS("iam-" + System.nanoTime()));

        assertThatThrownBy(() -> as("IngestFunction").dynamoDb().putItem(r -> r.tableName(videos).item(item)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(principal("IngestFunction")
                            + "IngestFunction is not authorized to perform: dynamodb:PutItem on resource: "
                            + "arn:aws:dynamodb:us-east-1:000000000000:table/" + videos
                            + " because no identity-based policy allows the dynamodb:PutItem action");
                });
        // granted: GetItem goes through (and finds nothing)
        assertThat(as("IngestFunction").dynamoDb().getItem(r -> r.tableName(videos).key(item)).hasItem()).isFalse();
        // the stack's own key is not restricted
        stack.clients().dynamoDb().putItem(r -> r.tableName(videos).item(item));
    }

    @Test
    void s3_putNotGranted_403AccessDenied() {
        assertThatThrownBy(() -> as("IngestFunction").s3().putObject(r -> r.bucket(uploads).key("uploads/c/v/a.mp4"),
                RequestBody.fromString("x")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith(principal("IngestFunction"))
                            .contains("s3:PutObject on resource: arn:aws:s3:::" + uploads + "/uploads/c/v/a.mp4");
                });
        as("UploadApiFunction").s3().putObject(r -> r.bucket(uploads).key("uploads/c/v/a.mp4"),
                RequestBody.fromString("x"));
        assertThat(as("IngestFunction").s3().headObject(r -> r.bucket(uploads).key("uploads/c/v/a.mp4"))
                .contentLength()).isEqualTo(1);
    }

    @Test
    void s3_missingKey_403WithoutListBucket_404WithIt() {
        assertThatThrownBy(() -> as("ProbeFunction").s3().headObject(r -> r.bucket(uploads).key("uploads/none")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> as("ProbeFunction").s3().getObjectAsBytes(r -> r.bucket(uploads)
                .key("uploads/none"))).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("s3:ListBucket on resource: arn:aws:s3:::"
                            + uploads);
                });
        // ingest ignores an upload gone since its event: it needs the 404 (template: s3:ListBucket on uploads/*)
        assertThatThrownBy(() -> as("IngestFunction").s3().headObject(r -> r.bucket(uploads).key("uploads/c/v/gone")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> as("StitchFunction").s3().getObjectAsBytes(r -> r.bucket(media)
                .key("videos/none/manifest.json"))).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
    }

    @Test
    void stepFunctionsSecretsAndSqs_notGranted_accessDenied() {
        String machine = stack.template().stateMachine().arn();
        assertThatThrownBy(() -> as("PublishFunction").sfn().startExecution(r -> r.stateMachineArn(machine)
                .input("{}"))).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("states:StartExecution on resource: "
                            + machine);
                });
        String secret = stack.template().function("SocialApiFunction").orElseThrow().environment()
                .get("CURSOR_SECRET_ARN");
        assertThatThrownBy(() -> as("IngestFunction").secretsManager().getSecretValue(r -> r.secretId(secret)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("secretsmanager:GetSecretValue on resource: " + secret));
        assertThat(as("SocialApiFunction").secretsManager().getSecretValue(r -> r.secretId(secret)).secretString())
                .isNotEmpty();
        String queue = stack.clients().sqs().getQueueUrl(r -> r.queueName(stack.template().queues().stream()
                .filter(q -> q.logicalId().equals("FeedFanoutQueue")).findFirst().orElseThrow().name())).queueUrl();
        assertThatThrownBy(() -> as("IngestFunction").sqs().sendMessage(r -> r.queueUrl(queue).messageBody("{}")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("sqs:SendMessage on resource: ");
                });
        as("SubscriptionFunction").sqs().sendMessage(r -> r.queueUrl(queue).messageBody("{}"));
    }

    @Test
    void unknownKey_refused() {
        Map<String, String> config = new LinkedHashMap<>(stack.config());
        config.put("AWS_ACCESS_KEY_ID", "ASIAUNKNOWNUNKNOWN00");
        AwsClients unknown = new AwsClients(config::get);
        assertThatThrownBy(() -> unknown.dynamoDb().listTables()).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        assertThatThrownBy(() -> unknown.s3().headObject(r -> r.bucket(uploads).key("k")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
}
