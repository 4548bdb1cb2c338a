package dev.clipflow.sweeper;

import dev.clipflow.catalog.sweep.StaleVideoSweep;
import dev.clipflow.catalog.sweep.SweepReport;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sweeper} function, run on a schedule (an EventBridge "Scheduled Event"; its content is not used):
 * one {@link StaleVideoSweep}. Fails videos left AWAITING_UPLOAD past the upload window or PROCESSING past the
 * execution timeout with a reason a person can read, aborts their multipart uploads and deletes their partial
 * outputs (docs/adr/0010), and restarts deletions whose workflow ended unfinished (docs/adr/0014). Logs counts,
 * never a payload.
 */
public final class Sweeper implements Function<Map<String, Object>, SweepReport> {
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

    private final StaleVideoSweep sweep;

    public Sweeper(StaleVideoSweep sweep) {
        this.sweep = Objects.requireNonNull(sweep, "sweep");
    }

    @Override
    public SweepReport apply(Map<String, Object> scheduledEvent) {
        SweepReport report = sweep.sweep();
        if (report.uploadsExpired() + report.processingExpired() + report.deletionsRestarted() + report.released() > 0
                || !report.complete()) {
            LOG.warn("Swept {} expired uploads and {} videos stuck processing, restarted {} deletions; released {}, "
                    + "deleted {} outputs, {} moved on meanwhile{}", report.uploadsExpired(),
                    report.processingExpired(), report.deletionsRestarted(), report.released(),
                    report.outputsDeleted(), report.movedOn(),
                    report.complete() ? "" : "; stopped at the time budget, the next sweep goes on");
        } else {
            LOG.info("Nothing to sweep ({} moved on meanwhile)", report.movedOn());
        }
        return report;
    }
}
