package dev.clipflow.local.runtime.eventbridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.runtime.function.AsyncInvoker;
import dev.clipflow.local.runtime.template.EventSourceDef;
import dev.clipflow.local.runtime.template.FunctionDef;
import dev.clipflow.local.runtime.template.LocalAws;
import dev.clipflow.local.runtime.template.TemplateModel;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The template's {@code Type: Schedule} events (EventBridge rules with a schedule expression): every
 * {@code rate(...)} period divided by the stack's clock speed, the function gets EventBridge's "Scheduled Event"
 * as an asynchronous invocation ({@link AsyncInvoker}: Lambda's retries, its DeadLetterQueue), the first one
 * period after the start, as a new rule's first run. A disabled event ({@code Enabled: false} or {@code State:
 * DISABLED}) does not run; a {@code cron(...)} schedule is not run locally (said once at start).
 */
public final class ScheduledEvents implements AutoCloseable {

    /** One running schedule. */
    public record Schedule(String function, String event, Duration period, Duration localPeriod) {
    }

    private final List<Schedule> schedules;
    private final ScheduledExecutorService timer;

    private ScheduledEvents(List<Schedule> schedules, ScheduledExecutorService timer) {
        this.schedules = List.copyOf(schedules);
        this.timer = timer;
    }

    public static ScheduledEvents start(TemplateModel template, AsyncInvoker invoker, double clockSpeed,
                                        PrintStream log) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedule");
            t.setDaemon(true);
            return t;
        });
        List<Schedule> started = new ArrayList<>();
        for (FunctionDef f : template.functions()) {
            for (EventSourceDef e : f.events("Schedule")) {
                if ("false".equals(String.valueOf(e.properties().get("Enabled")))
                        || "DISABLED".equals(String.valueOf(e.properties().get("State")))) {
                    continue;
                }
                String expression = String.valueOf(e.properties().get("Schedule"));
                var rate = ScheduleRate.parse(expression);
                if (rate.isEmpty()) {
                    log.println("schedule: " + f.name() + " " + e.name() + " " + expression + " is not run locally "
                            + "(only rate(...) schedules are)");
                    continue;
                }
                Duration period = rate.get().period();
                long localNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), (long) (period.toNanos() / clockSpeed));
                String ruleArn = "arn:" + LocalAws.PARTITION + ":events:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT
                        + ":rule/clipflow-local-" + f.logicalId() + e.name();
                timer.scheduleAtFixedRate(() -> invoker.submit(() -> List.of(new AsyncInvoker.Delivery(f,
                        scheduledEvent(ruleArn))), "schedule " + e.name()), localNanos, localNanos,
                        TimeUnit.NANOSECONDS);
                started.add(new Schedule(f.name(), e.name(), period, Duration.ofNanos(localNanos)));
            }
        }
        return new ScheduledEvents(started, timer);
    }

    public List<Schedule> schedules() {
        return schedules;
    }

    /** EventBridge's event for a scheduled rule (detail-type "Scheduled Event", the rule in resources). */
    static ObjectNode scheduledEvent(String ruleArn) {
        ObjectNode event = EventEnvelope.of("Scheduled Event", "aws.events", Instant.now(), List.of(ruleArn));
        event.putObject("detail");
        return event;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
