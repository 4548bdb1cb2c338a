package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.aws.dynamodb.discovery.DynamoTermIndex;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.demo.DemoVideo;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit through the local runtime, wired only by the template: {@code PATCH /videos/{id}} publishes
 * {@code Video Edited} on the bus, the bus's rule puts it on the re-index queue, the queue's event source invokes
 * {@code RelatedReindexFunction}, and the video's related list follows its new text.
 */
class EditReindexIT {

    static Up up;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        up = TestStacks.realTemplate();
    }

    @AfterAll
    static void stop() {
        if (up != null) {
            up.close();
        }
    }

    @Test
    void patch_titleNowSharingTermsWithAnotherVideo_theRelatedListFollows() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String user = "editor-" + System.nanoTime();
        String channelId = TestStacks.call(up, http, "POST", "/channels", "{\"name\":\"Edits\"}", user, 201)
                .path("channelId").asText();
        Path clip = DemoVideo.generate(Files.createDirectories(tmp.resolve("clip")), "320x180", 2);
        String sailing = TestStacks.upload(up, http, user, channelId, TestStacks.video("Sailing boats at sunset",
                "sailing"), clip);
        String pasta = TestStacks.upload(up, http, user, channelId, TestStacks.video("Pasta carbonara recipe",
                "cooking"), clip);
        TestStacks.awaitPublished(up, http, user, sailing);
        TestStacks.awaitPublished(up, http, user, pasta);
        // The pipeline's recommendation branch has indexed both, and they share no term.
        awaitIndexed(sailing);
        awaitIndexed(pasta);
        assertThat(awaitRelated(http, user, pasta, items -> true)).doesNotContain(sailing);
        assertThat(awaitRelated(http, user, sailing, items -> true)).doesNotContain(pasta);

        JsonNode edited = TestStacks.call(up, http, "PATCH", "/videos/" + pasta,
                "{\"title\":\"Sailing boats in the harbour\",\"tags\":[\"sailing\"]}", user, 200);

        assertThat(edited.path("revision").asLong()).isEqualTo(1);
        assertThat(edited.path("title").asText()).isEqualTo("Sailing boats in the harbour");
        assertThat(awaitRelated(http, user, pasta, items -> items.contains(sailing))).contains(sailing);
        assertThat(up.stack().eventBus().events().stream()
                .filter(e -> e.path("detail-type").asText().equals("Video Edited"))
                .map(e -> e.path("detail").path("videoId").asText()).toList()).containsExactly(pasta);
    }

    private static List<String> awaitRelated(HttpClient http, String user, String videoId,
                                             java.util.function.Predicate<List<String>> done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<String> items = List.of();
        while (System.nanoTime() < end) {
            HttpResponse<String> r = TestStacks.send(up, http, "GET", "/videos/" + videoId + "/related", null, user);
            if (r.statusCode() == 200) {
                items = new ArrayList<>();
                for (JsonNode item : Json.parse(r.body()).path("items")) {
                    items.add(item.path("videoId").asText());
                }
                if (done.test(items)) {
                    return items;
                }
            }
            Thread.sleep(250);
        }
        return items;
    }

    /** Waits until the pipeline's recommendation branch has put the video in the term index. */
    private static void awaitIndexed(String videoId) throws InterruptedException {
        String table = up.stack().template().tables().stream().filter(t -> t.logicalId().equals("DiscoveryTable"))
                .findFirst().orElseThrow().name();
        DynamoTermIndex index = new DynamoTermIndex(up.stack().clients().dynamoDb(), table);
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (index.indexed(videoId).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(250);
        }
        assertThat(index.indexed(videoId)).as("video %s indexed", videoId).isPresent();
    }
}
