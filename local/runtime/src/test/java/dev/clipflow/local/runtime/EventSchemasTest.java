package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.events.PipelineStage;
import dev.clipflow.catalog.events.StageProgressed;
import dev.clipflow.catalog.events.VideoDeleted;
import dev.clipflow.catalog.events.VideoEdited;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoVisibilityChanged;
import dev.clipflow.local.asl.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas in docs/events/ (as {@link VideoEventsIT} applies them) reject what they promise to: an extra
 * detail field (a change needs a new schemaVersion), a progress over 100, a missing owner, another source.
 */
class EventSchemasTest {

    private static ObjectNode stageStarted() {
        return (ObjectNode) Json.parse("""
                {"version":"0","id":"e-1","detail-type":"Stage Started","source":"clipflow.videos",
                 "account":"000000000000","time":"2026-12-07T10:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"schemaVersion":1,"videoId":"v-1","channelId":"ch-1","ownerId":"alice",
                           "occurredAt":"2026-12-07T10:00:00Z","stage":"probe","progress":5}}""");
    }

    @Test
    void stageStarted_asPublished_isValid() {
        assertThat(VideoEventsIT.validate(stageStarted())).isEmpty();
    }

    @Test
    void stageStarted_brokenInEachPromisedWay_isInvalid() {
        ObjectNode extraField = stageStarted();
        ((ObjectNode) extraField.get("detail")).put("chunksDone", 3);
        ObjectNode overHundred = stageStarted();
        ((ObjectNode) overHundred.get("detail")).put("progress", 101);
        ObjectNode noOwner = stageStarted();
        ((ObjectNode) noOwner.get("detail")).remove("ownerId");
        ObjectNode otherSource = stageStarted();
        otherSource.put("source", "aws.s3");
        ObjectNode otherVersion = stageStarted();
        ((ObjectNode) otherVersion.get("detail")).put("schemaVersion", 2);

        for (JsonNode bad : new JsonNode[] {extraField, overHundred, noOwner, otherSource, otherVersion}) {
            assertThat(VideoEventsIT.validate(bad)).as("%s", bad).isNotEmpty();
        }
    }

    /** A Stage Progress event as the transcode-chunk function's domain code builds its detail. */
    private static ObjectNode stageProgress() {
        StageProgressed event = new StageProgressed(new VideoEvent.Subject("v-1", "ch-1", "alice",
                Instant.parse("2026-12-07T10:00:00Z")), PipelineStage.TRANSCODE.part(3, 12), 3, 12);
        return envelope(event);
    }

    @Test
    void stageProgress_asTheDomainBuildsIt_isValid() {
        assertThat(VideoEventsIT.validate(stageProgress())).isEmpty();
    }

    @Test
    void stageProgress_withoutItsCountsOrOfAnotherStage_isInvalid() {
        ObjectNode noTotal = stageProgress();
        ((ObjectNode) noTotal.get("detail")).remove("chunksTotal");
        ObjectNode zeroDone = stageProgress();
        ((ObjectNode) zeroDone.get("detail")).put("chunksDone", 0);
        ObjectNode probe = stageProgress();
        ((ObjectNode) probe.get("detail")).put("stage", "probe");

        for (JsonNode bad : new JsonNode[] {noTotal, zeroDone, probe}) {
            assertThat(VideoEventsIT.validate(bad)).as("%s", bad).isNotEmpty();
        }
    }

    /** The EventBridge envelope around an event as EventBridgeVideoEvents puts it on the bus. */
    private static ObjectNode envelope(VideoEvent event) {
        ObjectNode whole = (ObjectNode) Json.parse("""
                {"version":"0","id":"e-1","source":"clipflow.videos","account":"000000000000",
                 "time":"2026-12-07T10:00:00Z","region":"us-east-1","resources":[]}""");
        whole.put("detail-type", event.detailType());
        whole.set("detail", Json.MAPPER.valueToTree(event.detail()));
        return whole;
    }

    /** A Video Edited event as the upload API's domain code builds its detail. */
    private static ObjectNode videoEdited() {
        VideoEdited event = new VideoEdited(new VideoEvent.Subject("v-1", "ch-1", "alice",
                Instant.parse("2026-12-07T10:00:00Z")), VideoStatus.PUBLISHED, Visibility.PUBLIC, 3,
                "Sunset over the bay", "", List.of("sea", "boats"));
        return envelope(event);
    }

    /** A Video Deleted event as the deletion workflow's domain code builds its detail. */
    private static ObjectNode videoDeleted() {
        VideoDeleted event = new VideoDeleted(new VideoEvent.Subject("v-1", "ch-1", "alice",
                Instant.parse("2026-12-07T10:00:00Z")), Instant.parse("2027-03-07T10:00:00Z"));
        return envelope(event);
    }

    @Test
    void videoEdited_asTheDomainBuildsIt_isValid() {
        assertThat(VideoEventsIT.validate(videoEdited())).isEmpty();
    }

    @Test
    void videoEdited_withoutItsRevisionOrTextOrWithAnEmptyTitle_isInvalid() {
        ObjectNode noRevision = videoEdited();
        ((ObjectNode) noRevision.get("detail")).remove("revision");
        ObjectNode zeroRevision = videoEdited();
        ((ObjectNode) zeroRevision.get("detail")).put("revision", 0);
        ObjectNode noTags = videoEdited();
        ((ObjectNode) noTags.get("detail")).remove("tags");
        ObjectNode emptyTitle = videoEdited();
        ((ObjectNode) emptyTitle.get("detail")).put("title", "");
        ObjectNode unknownStatus = videoEdited();
        ((ObjectNode) unknownStatus.get("detail")).put("status", "EDITED");

        for (JsonNode bad : new JsonNode[] {noRevision, zeroRevision, noTags, emptyTitle, unknownStatus}) {
            assertThat(VideoEventsIT.validate(bad)).as("%s", bad).isNotEmpty();
        }
    }

    @Test
    void videoDeleted_asTheDomainBuildsIt_isValid_andWithoutItsExpiryOrWithMetadataIsNot() {
        ObjectNode noExpiry = videoDeleted();
        ((ObjectNode) noExpiry.get("detail")).remove("tombstoneExpiresAt");
        ObjectNode withTitle = videoDeleted();
        ((ObjectNode) withTitle.get("detail")).put("title", "a deleted video's title must not travel");

        assertThat(VideoEventsIT.validate(videoDeleted())).isEmpty();
        assertThat(VideoEventsIT.validate(noExpiry)).isNotEmpty();
        assertThat(VideoEventsIT.validate(withTitle)).isNotEmpty();
    }

    /** A Video Visibility Changed event as the visibility change workflow's domain code builds its detail. */
    private static ObjectNode visibilityChanged() {
        return envelope(new VideoVisibilityChanged(new VideoEvent.Subject("v-1", "ch-1", "alice",
                Instant.parse("2026-12-08T10:00:00Z")), Visibility.PRIVATE, Visibility.PUBLIC));
    }

    @Test
    void videoVisibilityChanged_asTheDomainBuildsIt_isValid_andWithoutTheOldOrWithAnotherValueIsNot() {
        ObjectNode noPrevious = visibilityChanged();
        ((ObjectNode) noPrevious.get("detail")).remove("previousVisibility");
        ObjectNode unknown = visibilityChanged();
        ((ObjectNode) unknown.get("detail")).put("visibility", "SECRET");
        ObjectNode notPublished = visibilityChanged();
        ((ObjectNode) notPublished.get("detail")).put("status", "PROCESSING");
        ObjectNode withTitle = visibilityChanged();
        ((ObjectNode) withTitle.get("detail")).put("title", "not part of this event");

        assertThat(VideoEventsIT.validate(visibilityChanged())).isEmpty();
        for (JsonNode bad : new JsonNode[] {noPrevious, unknown, notPublished, withTitle}) {
            assertThat(VideoEventsIT.validate(bad)).as("%s", bad).isNotEmpty();
        }
    }
}
