package dev.clipflow.local.runtime.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.local.runtime.template.TemplateInvalidException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleRateTest {

    @Test
    void parse_rates_givePeriods() {
        assertThat(ScheduleRate.parse("rate(15 minutes)")).contains(new ScheduleRate(Duration.ofMinutes(15)));
        assertThat(ScheduleRate.parse("rate(1 minute)")).contains(new ScheduleRate(Duration.ofMinutes(1)));
        assertThat(ScheduleRate.parse("rate(2 hours)")).contains(new ScheduleRate(Duration.ofHours(2)));
        assertThat(ScheduleRate.parse(" rate(1 day) ")).contains(new ScheduleRate(Duration.ofDays(1)));
    }

    @Test
    void parse_cron_isNotRunLocally() {
        assertThat(ScheduleRate.parse("cron(0 3 * * ? *)")).isEmpty();
    }

    @Test
    void parse_whatEventBridgeRefuses_isANamedError() {
        for (String bad : new String[] {"rate(0 minutes)", "rate(1 minutes)", "rate(5 minute)", "rate(5 seconds)",
            "every 5 minutes", "", "rate(-1 hours)"}) {
            assertThatThrownBy(() -> ScheduleRate.parse(bad)).as(bad).isInstanceOf(TemplateInvalidException.class);
        }
    }
}
