package dev.clipflow.ingest;

import dev.clipflow.catalog.upload.IngestOutcome;
import dev.clipflow.catalog.upload.ObjectCreated;
import dev.clipflow.catalog.upload.UploadIngest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code ingest} function: an S3 "Object Created" event (EventBridge or direct notification) in
 * ({@link UploadEvents}), each object handed to {@link UploadIngest} (at most one pipeline execution per uploaded
 * object), one log line per object out. See docs/adr/0002.
 */
public final class Ingest implements Function<Map<String, Object>, List<IngestOutcome>> {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

    private final UploadIngest ingest;

    public Ingest(UploadIngest ingest) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
    }

    @Override
    public List<IngestOutcome> apply(Map<String, Object> event) {
        return UploadEvents.parse(event).stream().map(this::ingest).toList();
    }

    private IngestOutcome ingest(ObjectCreated created) {
        IngestOutcome outcome = ingest.ingest(created);
        putOrRemove("videoId", outcome.videoId());
        putOrRemove("executionId", outcome.executionId());
        try {
            switch (outcome.result()) {
                case STARTED -> LOG.info("Started pipeline execution {}", outcome.executionId());
                case ALREADY_STARTED -> LOG.info("Pipeline execution {} already started", outcome.executionId());
                case IGNORED -> LOG.info("Ignored an upload event: {}", outcome.detail());
                case REJECTED_BUCKET -> LOG.warn("Ignored an object in bucket {}: {}", created.bucket(),
                        outcome.detail());
                case REJECTED_KEY -> LOG.warn("Rejected key {}: {}", created.key(), outcome.detail());
                case ORPHAN_DELETED, LIMIT_VIOLATION -> LOG.warn("Deleted the upload ({} bytes at the event): {}",
                        created.size(), outcome.detail());
            }
        } finally {
            MDC.remove("videoId");
            MDC.remove("executionId");
        }
        return outcome;
    }

    private static void putOrRemove(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
