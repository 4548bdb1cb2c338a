package dev.clipflow.socialapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/** The socialApi bean as Lambda runs it: FunctionInvoker, MAIN_CLASS, the sample events in events/. */
class SocialApiWiringIT {
    private static SocialApiFixture f;
    private static FunctionInvoker invoker;

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
        System.setProperty("CURSOR_SECRET", SocialApiFixture.SECRET);
        invoker = new FunctionInvoker("socialApi");
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

    private static Map<String, Object> invoke(String event, String videoId) throws Exception {
        String json = Events.text(event).replace("vid-example", videoId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, (Context) null);
        return Events.read(null, out.toString(StandardCharsets.UTF_8));
    }
}
