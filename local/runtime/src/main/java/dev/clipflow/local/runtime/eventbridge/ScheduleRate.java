package dev.clipflow.local.runtime.eventbridge;

import dev.clipflow.local.runtime.template.TemplateInvalidException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression {@code rate(value unit)}: a positive whole number and {@code minute(s)},
 * {@code hour(s)} or {@code day(s)} (singular exactly for 1, as EventBridge requires). {@code cron(...)}
 * expressions are recognised and not run locally.
 */
public record ScheduleRate(Duration period) {
    private static final Pattern RATE =
            Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

    /**
     * The rate of {@code expression}; empty for a {@code cron(...)} expression.
     *
     * @throws TemplateInvalidException for anything else, or a rate EventBridge refuses
     */
    public static Optional<ScheduleRate> parse(String expression) {
        String e = expression == null ? "" : expression.strip();
        if (e.startsWith("cron(") && e.endsWith(")")) {
            return Optional.empty();
        }
        Matcher m = RATE.matcher(e);
        if (!m.matches()) {
            throw new TemplateInvalidException("Not a schedule expression: '" + expression
                    + "' (expected rate(N minutes|hours|days) or cron(...))");
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (value < 1 || (value == 1) != !unit.endsWith("s")) {
            throw new TemplateInvalidException("Invalid rate '" + expression + "': a positive value, with a singular "
                    + "unit for 1 and a plural one otherwise");
        }
        Duration period = switch (unit) {
            case "minute", "minutes" -> Duration.ofMinutes(value);
            case "hour", "hours" -> Duration.ofHours(value);
            default -> Duration.ofDays(value);
        };
        return Optional.of(new ScheduleRate(period));
    }
}
