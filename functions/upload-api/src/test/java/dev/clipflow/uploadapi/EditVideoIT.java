package dev.clipflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.events.VideoEdited;
import dev.clipflow.catalog.visibility.PendingVisibilityChange;
import dev.clipflow.http.HttpEvents;
import dev.clipflow.pipeline.ExecutionState;
import dev.clipflow.testing.Emulators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code PATCH /videos/{videoId}} on the real adapters against Dynoxide. */
class EditVideoIT {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final ApiFixture fx = new ApiFixture();
    private final UploadApi api = fx.api(Duration.ofMinutes(15));

    @Test
    void patch_byTheOwner_changesTheFieldsSent_answersTheVideo_andPublishesVideoEdited() {
        String id = video("alice", VideoStatus.PUBLISHED);

        APIGatewayV2HTTPResponse first = patch(id, "alice", "{\"title\": \"  Sunset over the bay \"}");
        APIGatewayV2HTTPResponse second = patch(id, "alice",
                "{\"description\": null, \"tags\": [\"Sea\", \"sea\", \" boats \"]}");

        assertThat(first.getStatusCode()).isEqualTo(200);
        JsonNode body = ApiFixture.body(first);
        assertThat(body.get("title").stringValue()).isEqualTo("Sunset over the bay");
        assertThat(body.get("description").stringValue()).isEqualTo("Old description");
        assertThat(body.get("revision").longValue()).isEqualTo(1);
        assertThat(body.get("updatedAt").stringValue()).isEqualTo(T0.toString());
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(ApiFixture.body(second).get("revision").longValue()).isEqualTo(2);
        Video stored = fx.videos.get(id);
        assertThat(stored.title()).isEqualTo("Sunset over the bay");
        assertThat(stored.description()).isEmpty();
        assertThat(stored.tags()).containsExactly("Sea", "boats");
        assertThat(fx.events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(VideoEdited.class));
        VideoEdited last = (VideoEdited) fx.events.get(1);
        assertThat(last.revision()).isEqualTo(2);
        assertThat(last.title()).isEqualTo("Sunset over the bay");
        assertThat(last.tags()).containsExactly("Sea", "boats");
        assertThat(last.detail()).containsEntry("status", "PUBLISHED").containsEntry("ownerId", "alice");
    }

    @Test
    void patch_byAnotherUserOrOfAnUnknownVideo_is404AndChangesNothing() {
        String id = video("alice", VideoStatus.PUBLISHED);

        APIGatewayV2HTTPResponse mallory = patch(id, "mallory", "{\"title\": \"Mine\"}");
        APIGatewayV2HTTPResponse unknown = patch("no-such-video", "alice", "{\"title\": \"Mine\"}");

        assertThat(mallory.getStatusCode()).isEqualTo(404);
        assertThat(ApiFixture.body(mallory).get("error").stringValue()).isEqualTo("VIDEO_NOT_FOUND");
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(mallory.getBody()).isEqualTo(unknown.getBody().replace("no-such-video", id));
        assertThat(fx.videos.get(id).title()).isEqualTo("Old title");
        assertThat(fx.events).isEmpty();
    }

    @Test
    void patch_invalidOrEmptyOrUnknownFields_is400NamingWhy() {
        String id = video("alice", VideoStatus.PROCESSING);

        assertError(patch(id, "alice", "{\"title\": \"" + "x".repeat(101) + "\"}"), "INVALID_METADATA",
                "The title must be at most 100 characters long.");
        assertError(patch(id, "alice", "{\"title\": null}"), "INVALID_METADATA", "The title must not be empty.");
        assertError(patch(id, "alice", "{\"tags\": [\"a\\u0007\"]}"), "INVALID_METADATA",
                "The tag must not contain control characters.");
        assertError(patch(id, "alice", "{\"tags\": \"sea\"}"), "INVALID_REQUEST",
                "The field 'tags' must be an array of strings.");
        assertError(patch(id, "alice", "{}"), "EMPTY_EDIT",
                "The edit changes nothing: send at least one of title, description, tags, visibility.");
        assertError(patch(id, "alice", "{\"title\": \"T\", \"channelId\": \"c\", \"status\": \"PUBLISHED\"}"),
                "UNKNOWN_FIELDS", "Unknown fields: 'channelId', 'status'. A video's title, description, tags "
                        + "and visibility can be edited.");
        assertThat(patch(id, "alice", null).getStatusCode()).isEqualTo(400);

        assertThat(fx.videos.get(id).title()).isEqualTo("Old title");
        assertThat(fx.events).isEmpty();
    }

    @Test
    void patch_visibilityBeforeTheUpload_isStored_andGetShowsIt() {
        String id = video("alice", VideoStatus.AWAITING_UPLOAD);

        APIGatewayV2HTTPResponse response = patch(id, "alice", "{\"visibility\": \"private\", \"title\": \"Mine\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ApiFixture.body(response).get("visibility").stringValue()).isEqualTo("PRIVATE");
        APIGatewayV2HTTPResponse get = api.apply(HttpEvents.request("GET", "/videos/" + id, "alice", null));
        assertThat(get.getStatusCode()).isEqualTo(200);
        assertThat(ApiFixture.body(get).get("visibility").stringValue()).isEqualTo("PRIVATE");
        assertThat(ApiFixture.body(get).get("title").stringValue()).isEqualTo("Mine");
        assertThat(fx.videos.get(id).visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(fx.events).singleElement().isInstanceOf(VideoEdited.class);
    }

    @Test
    void patch_visibilityWhileProcessingOrFailed_is409AndChangesNothing() {
        String id = video("alice", VideoStatus.AWAITING_UPLOAD);
        fx.videos.transition(id, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        String failed = video("alice", VideoStatus.FAILED);

        for (String video : List.of(id, failed)) {
            APIGatewayV2HTTPResponse response = patch(video, "alice",
                    "{\"visibility\": \"UNLISTED\", \"title\": \"Changed\"}");

            assertThat(response.getStatusCode()).isEqualTo(409);
            JsonNode body = ApiFixture.body(response);
            assertThat(body.get("error").stringValue()).isEqualTo("VISIBILITY_FIXED");
            assertThat(body.get("message").stringValue()).isEqualTo("The visibility of video " + video
                    + " can be changed before its upload completes or once it is PUBLISHED, not while it is "
                    + fx.videos.get(video).status() + ".");
            Video stored = fx.videos.get(video);
            assertThat(stored.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(stored.title()).isEqualTo("Old title");
        }
        assertThat(patch(id, "mallory", "{\"visibility\": \"UNLISTED\"}").getStatusCode()).isEqualTo(404);
        assertThat(fx.events).isEmpty();
        assertThat(fx.visibilityChangesStarted).isEmpty();
    }

    @Test
    void patch_visibilityOfAPublishedVideo_is202_recordsTheChange_andStartsItsExecution() {
        String id = video("alice", VideoStatus.PUBLISHED);

        APIGatewayV2HTTPResponse response = patch(id, "alice", "{\"visibility\": \"private\"}");

        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode body = ApiFixture.body(response);
        assertThat(body.get("visibility").stringValue()).as("the old one until the change is done")
                .isEqualTo("PUBLIC");
        assertThat(body.get("visibilityChange").get("to").stringValue()).isEqualTo("PRIVATE");
        Instant requestedAt = Instant.parse(body.get("visibilityChange").get("requestedAt").stringValue());
        assertThat(fx.videos.get(id).visibilityChange()).isEqualTo(
                new Video.VisibilityChange(Visibility.PUBLIC, Visibility.PRIVATE, requestedAt));
        assertThat(fx.visibilityChangesStarted).containsExactly(id + "-visibility-" + requestedAt.toEpochMilli()
                + " {\"schemaVersion\":1,\"videoId\":\"" + id + "\",\"channelId\":\"chan-1\",\"to\":\"PRIVATE\","
                + "\"requestedAt\":\"" + requestedAt + "\"}");
        assertThat(fx.events).as("the text did not change").isEmpty();
        APIGatewayV2HTTPResponse get = api.apply(HttpEvents.request("GET", "/videos/" + id, "alice", null));
        assertThat(ApiFixture.body(get).get("visibilityChange").get("to").stringValue()).isEqualTo("PRIVATE");
    }

    @Test
    void patch_anotherVisibilityWhileAChangeRuns_is409VisibilityChanging_andTheSameOneStartsNothingMore() {
        String id = video("alice", VideoStatus.PUBLISHED);
        assertThat(patch(id, "alice", "{\"visibility\": \"UNLISTED\"}").getStatusCode()).isEqualTo(202);

        APIGatewayV2HTTPResponse other = patch(id, "alice", "{\"visibility\": \"PRIVATE\", \"title\": \"New\"}");
        APIGatewayV2HTTPResponse same = patch(id, "alice", "{\"visibility\": \"UNLISTED\"}");

        assertThat(other.getStatusCode()).isEqualTo(409);
        JsonNode body = ApiFixture.body(other);
        assertThat(body.get("error").stringValue()).isEqualTo("VISIBILITY_CHANGING");
        assertThat(body.get("message").stringValue()).isEqualTo("The visibility of video " + id
                + " is changing to UNLISTED; ask again when that change is done.");
        assertThat(fx.videos.get(id).title()).as("nothing of the refused edit").isEqualTo("Old title");
        assertThat(same.getStatusCode()).isEqualTo(202);
        assertThat(fx.visibilityChangesStarted).as("its execution runs").hasSize(1);
        APIGatewayV2HTTPResponse text = patch(id, "alice", "{\"title\": \"Text only\"}");
        assertThat(text.getStatusCode()).as("a text edit during a change").isEqualTo(200);
        assertThat(ApiFixture.body(text).get("visibilityChange").get("to").stringValue()).isEqualTo("UNLISTED");
    }

    @Test
    void patch_theSameVisibilityAfterItsExecutionEndedUnfinished_restartsItUnderTheNextAttempt_onceWhenRacing()
            throws Exception {
        String id = video("alice", VideoStatus.PUBLISHED);
        Instant requestedAt = Instant.parse(ApiFixture.body(patch(id, "alice", "{\"visibility\": \"PRIVATE\"}"))
                .get("visibilityChange").get("requestedAt").stringValue());
        String first = id + "-visibility-" + requestedAt.toEpochMilli();
        assertThat(patch(id, "alice", "{\"visibility\": \"PRIVATE\"}").getStatusCode()).as("running").isEqualTo(202);
        fx.visibilityExecutions.put(first, ExecutionState.FAILED);

        List<APIGatewayV2HTTPResponse> racing = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> patch(id, "alice", "{\"visibility\": \"private\"}")));
            }
            for (Future<APIGatewayV2HTTPResponse> answer : answers) {
                racing.add(answer.get());
            }
        }

        assertThat(racing).allSatisfy(r -> {
            assertThat(r.getStatusCode()).isEqualTo(202);
            assertThat(ApiFixture.body(r).get("visibilityChange").get("requestedAt").stringValue())
                    .isEqualTo(requestedAt.toString());
        });
        assertThat(fx.visibilityChangesStarted).extracting(s -> s.substring(0, s.indexOf(' ')))
                .as("one restart of the failed attempt").containsExactly(first, first + "-2");
        assertThat(fx.visibilityChangesStarted.get(1)).as("the same change's input")
                .endsWith(fx.visibilityChangesStarted.get(0).substring(first.length()));
        Video.VisibilityChange change = fx.videos.get(id).visibilityChange();
        assertThat(fx.visibilityRecords.current(PendingVisibilityChange.of(fx.videos.get(id), change))).hasValue(2);

        fx.visibilityExecutions.put(first + "-2", ExecutionState.TIMED_OUT);
        patch(id, "alice", "{\"visibility\": \"PRIVATE\"}");
        fx.visibilityExecutions.put(first + "-3", ExecutionState.SUCCEEDED);
        patch(id, "alice", "{\"visibility\": \"PRIVATE\"}");
        assertThat(fx.visibilityChangesStarted).hasSize(3).last().asString().startsWith(first + "-3 ");
    }

    @Test
    void patch_theSameVisibilityWhoseFirstStartNeverHappened_startsTheFirstAttempt() {
        Instant requestedAt = T0.plusSeconds(60);
        // The change recorded by an edit whose start failed afterwards: no execution of its name.
        String id = Emulators.uniqueName("vid");
        fx.videos.create(new Video(id, "chan-1", "alice", "Old title", "Old description", List.of("sea"), 100,
                "video/mp4", "uploads/" + id, null, VideoStatus.PUBLISHED, null, null, List.of(), null, Map.of(), T0,
                T0).withVisibilityChange(new Video.VisibilityChange(Visibility.PUBLIC, Visibility.UNLISTED,
                requestedAt)));

        APIGatewayV2HTTPResponse again = patch(id, "alice", "{\"visibility\": \"UNLISTED\"}");

        assertThat(again.getStatusCode()).isEqualTo(202);
        assertThat(fx.visibilityChangesStarted).singleElement().asString()
                .startsWith(id + "-visibility-" + requestedAt.toEpochMilli() + " ");
    }

    @Test
    void patch_visibilityOfSomeoneElsesPublishedVideo_is404_andTheSameVisibilityIs200_bothStartNothing() {
        String id = video("alice", VideoStatus.PUBLISHED);

        APIGatewayV2HTTPResponse mallory = patch(id, "mallory", "{\"visibility\": \"PRIVATE\"}");
        APIGatewayV2HTTPResponse same = patch(id, "alice", "{\"visibility\": \"public\"}");

        assertThat(mallory.getStatusCode()).isEqualTo(404);
        assertThat(ApiFixture.body(mallory).get("error").stringValue()).isEqualTo("VIDEO_NOT_FOUND");
        assertThat(same.getStatusCode()).isEqualTo(200);
        assertThat(ApiFixture.body(same).has("visibilityChange")).isFalse();
        assertThat(fx.videos.get(id).visibilityChange()).isNull();
        assertThat(fx.visibilityChangesStarted).isEmpty();
    }

    @Test
    void patch_visibilityOfAnotherValue_is400AsAtUploadAndChangesNothing() {
        String id = video("alice", VideoStatus.AWAITING_UPLOAD);

        APIGatewayV2HTTPResponse response = patch(id, "alice", "{\"visibility\": \"secret\", \"title\": \"T\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = ApiFixture.body(response);
        assertThat(body.get("error").stringValue()).isEqualTo("INVALID_METADATA");
        assertThat(body.get("message").stringValue()).contains("visibility", "[PUBLIC, UNLISTED, PRIVATE]", "secret");
        assertThat(fx.videos.get(id).visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(fx.videos.get(id).title()).isEqualTo("Old title");
        assertThat(fx.events).isEmpty();
    }

    private void assertError(APIGatewayV2HTTPResponse response, String code, String message) {
        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = ApiFixture.body(response);
        assertThat(body.get("error").stringValue()).isEqualTo(code);
        assertThat(body.get("message").stringValue()).isEqualTo(message);
    }

    private APIGatewayV2HTTPResponse patch(String id, String user, String body) {
        return api.apply(HttpEvents.request("PATCH", "/videos/" + id, user, body));
    }

    private String video(String owner, VideoStatus status) {
        String id = Emulators.uniqueName("vid");
        fx.videos.create(new Video(id, "chan-1", owner, "Old title", "Old description", List.of("sea"), 100,
                "video/mp4", "uploads/" + id, null, status, null, null, List.of(), null, Map.of(), T0, T0));
        return id;
    }
}
