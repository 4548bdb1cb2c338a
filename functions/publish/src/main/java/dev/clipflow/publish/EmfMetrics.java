package dev.clipflow.publish;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes CloudWatch embedded metric format (EMF) lines to stdout, where Lambda's log agent turns
 * them into metrics: no SDK call, no extra permission. One line per published video, dimension
 * {@code service}; the video and execution ids ride along as searchable properties.
 */
final class EmfMetrics {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final String namespace;
    private final String service;
    private final Clock clock;

    EmfMetrics(PrintStream out, String namespace, String service, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One published video and its estimated cost. */
    void published(String videoId, String executionId, double estimatedCostUsd, double sourceSeconds) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of(
                "Timestamp", clock.millis(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", namespace,
                        "Dimensions", List.of(List.of("service")),
                        "Metrics", List.of(
                                Map.of("Name", "VideosPublished", "Unit", "Count"),
                                Map.of("Name", "EstimatedCostUsd", "Unit", "None"),
                                Map.of("Name", "PublishedSourceSeconds", "Unit", "Seconds"))))));
        line.put("service", service);
        line.put("VideosPublished", 1);
        line.put("EstimatedCostUsd", estimatedCostUsd);
        line.put("PublishedSourceSeconds", sourceSeconds);
        line.put("videoId", videoId);
        if (executionId != null) {
            line.put("executionId", executionId);
        }
        out.println(JSON.writeValueAsString(line));
    }
}
