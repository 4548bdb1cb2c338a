package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template's {@code Type: Schedule} events on the local stack (src/test/resources/schedule-template): a
 * {@code rate(5 minutes)} schedule at clock speed 600 invokes its function every 0.5 s with EventBridge's
 * Scheduled Event; disabled and cron schedules do not run.
 */
class ScheduledEventsIT {

    @TempDir
    static Path dir;
    static Path records;
    static LocalClipflow stack;

    @BeforeAll
    static void start() throws IOException {
        stack = TestStacks.fixture(dir, "/schedule-template/template.yaml", 600);
        records = TestStacks.records(dir);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void schedule_rateOverClockSpeed_functionGetsScheduledEventsRepeatedly() throws Exception {
        assertThat(stack.schedules()).singleElement().satisfies(s -> {
            assertThat(s.function()).isEqualTo("TickFunction");
            assertThat(s.event()).isEqualTo("EveryFiveMinutes");
            assertThat(s.period()).isEqualTo(Duration.ofMinutes(5));
            assertThat(s.localPeriod()).isEqualTo(Duration.ofMillis(500));
        });

        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); ticks().size() < 3
                && System.nanoTime() < end; ) {
            Thread.sleep(100);
        }

        List<JsonNode> ticks = ticks();
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(3).allSatisfy(e -> {
            assertThat(e.path("detail-type").asText()).isEqualTo("Scheduled Event");
            assertThat(e.path("source").asText()).isEqualTo("aws.events");
            assertThat(e.path("resources").get(0).asText()).isEqualTo(
                    "arn:aws:events:us-east-1:000000000000:rule/clipflow-local-TickFunctionEveryFiveMinutes");
            assertThat(e.path("detail").isObject()).isTrue();
        });
        assertThat(ticks).extracting(e -> e.path("id").asText()).doesNotHaveDuplicates();
    }

    private static List<JsonNode> ticks() throws IOException {
        Path f = records.resolve("tick.jsonl");
        if (!Files.exists(f)) {
            return List.of();
        }
        return Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Json::parse)
                .toList();
    }
}
