package dev.clipflow.socialapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.lambda.PrimingRequest;
import dev.clipflow.lambda.PrimingStep;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.paging.SignedCursors;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The socialApi bean as Lambda runs it: RequestIdFunctionInvoker, MAIN_CLASS, the sample events in events/, the
 * cursor key read from Secrets Manager (the emulators' own) by the ARN in CURSOR_SECRET_ARN.
 */
class SocialApiWiringIT {
    private static SocialApiFixture f;
    private static RequestIdFunctionInvoker invoker;

    @BeforeAll
    static void wire() {
        f = new SocialApiFixture();
        Emulators.shared().exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", SocialApiApplication.class.getName());
        System.setProperty("VIDEOS_TABLE", f.videosTable);
        System.setProperty("CHANNELS_TABLE", f.channelsTable);
        System.setProperty("SUBSCRIPTIONS_TABLE", f.subscriptionsTable);
        System.setProperty("FEEDS_TABLE", f.feedsTable);
        System.setProperty("DISCOVERY_TABLE", f.discoveryTable);
        System.setProperty("CURSOR_SECRET_ARN", new AwsClients(Emulators.shared().lookup()).secretsManager()
                .createSecret(r -> r.name(Emulators.uniqueName("cursor-secret")).secretString(SocialApiFixture.SECRET))
                .arn());
        invoker = new RequestIdFunctionInvoker("socialApi");
    }

    @Test
    void sampleEvents_routeThroughTheInvoker() throws Exception {
        f.channel("chan-example", "creator");
        String videoId = f.video("chan-example", VideoStatus.PUBLISHED);

        assertThat(invoke("social-subscribe.json", videoId)).containsEntry("statusCode", 201);
        assertThat(invoke("social-subscriptions.json", videoId).get("body").toString()).contains("chan-example");
        assertThat(invoke("social-subscriber-count.json", videoId).get("body").toString())
                .contains("\"subscribers\":1");
        assertThat(invoke("social-view.json", videoId)).containsEntry("statusCode", 201);
        assertThat(invoke("social-feed.json", videoId)).containsEntry("statusCode", 200);
        assertThat(invoke("social-related.json", videoId)).containsEntry("statusCode", 200);
        assertThat(invoke("social-recommendations.json", videoId)).containsEntry("statusCode", 200);
        assertThat(invoke("social-unsubscribe.json", videoId)).containsEntry("statusCode", 204);
    }

    @Test
    void cursors_signedWithTheKeyFromSecretsManager_pageOnAndOthersAreRefused() throws Exception {
        String viewer = Emulators.uniqueName("viewer");
        String a = Emulators.uniqueName("chan-a");
        String b = Emulators.uniqueName("chan-b");
        f.channel(a, "creator");
        f.channel(b, "creator");
        for (String channel : new String[] {a, b}) {
            assertThat(invoke(Events.text("social-subscribe.json").replace("chan-example", channel)
                    .replace("user-viewer", viewer))).containsEntry("statusCode", 201);
        }
        String list = Events.text("social-subscriptions.json").replace("user-viewer", viewer)
                .replace("limit=20", "limit=1").replace("\"limit\": \"20\"", "\"limit\": \"1\"");

        Map<String, Object> first = Events.read(null, String.valueOf(invoke(list).get("body")));
        String cursor = (String) first.get("nextCursor");
        String scope = "subscriptions|" + viewer;
        assertThat(new SignedCursors(SocialApiFixture.SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC(),
                Duration.ofHours(1)).open(scope, cursor)).as("signed with the secret's value").isNotBlank();
        String page2 = list.replace("limit=1", "limit=1&cursor=" + cursor)
                .replace("\"limit\": \"1\"", "\"limit\": \"1\", \"cursor\": \"" + cursor + "\"");
        assertThat(String.valueOf(invoke(page2).get("body"))).contains(b).doesNotContain(a);
        String forged = new SignedCursors("another-key-that-is-at-least-32-bytes".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC(), Duration.ofHours(1)).issue(scope, a);
        Map<String, Object> refused = invoke(list.replace("limit=1", "limit=1&cursor=" + forged)
                .replace("\"limit\": \"1\"", "\"limit\": \"1\", \"cursor\": \"" + forged + "\""));
        assertThat(refused).containsEntry("statusCode", 400);
        assertThat(String.valueOf(refused.get("body"))).contains("INVALID_CURSOR");
    }

    @Test
    void primingRequest_declaredByTheStartClass_isRefusedWith401BeforeAnyRead() throws Exception {
        var requests = invoker.context().getBeansOfType(PrimingRequest.class).values();

        assertThat(requests).as("the SnapStart priming request of the social API").hasSize(1);
        Map<String, Object> answer = invoke(requests.iterator().next().event());
        assertThat(answer).containsEntry("statusCode", 401);
        assertThat(String.valueOf(answer.get("body"))).contains("UNAUTHENTICATED");
    }

    @Test
    void primingSteps_declaredByTheStartClass_primeTheApisFirstDynamoDbCalls_thenTheApiAnswers() throws Exception {
        var steps = invoker.context().getBeansOfType(PrimingStep.class).values();

        assertThat(steps).extracting(PrimingStep::name).containsExactlyInAnyOrder(
                "social api: DynamoDB GetItem of a video (signed, not sent)",
                "social api: DynamoDB Query of a feed (signed, not sent)");
        steps.forEach(step -> step.action().run()); // SdkPriming.prime throws when nothing was primed
        f.channel("chan-primed", "creator");
        String videoId = f.video("chan-primed", VideoStatus.PUBLISHED);
        assertThat(invoke("social-feed.json", videoId)).containsEntry("statusCode", 200);
    }

    private static Map<String, Object> invoke(String event, String videoId) throws Exception {
        return invoke(Events.text(event).replace("vid-example", videoId));
    }

    private static Map<String, Object> invoke(String json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, (Context) null);
        return Events.read(null, out.toString(StandardCharsets.UTF_8));
    }
}
