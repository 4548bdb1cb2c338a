package dev.clipflow.catalog.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.upload.UploadRejectedException.Reason;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadRulesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private final InMemoryChannels channels = new InMemoryChannels();
    private final UploadRules rules = new UploadRules(channels);
    private final Channel channel = new Channel("ch-1", "u-1", "Cats",
            new ChannelLimits(10 * UploadPlan.MIB, Set.of("video/mp4", "video/webm"), 2));

    @Test
    void admit_withinLimits_countsAndPlans() {
        UploadPlan plan = rules.admit(channel, 9 * UploadPlan.MIB, "video/mp4", DAY);

        assertThat(plan.partCount()).isEqualTo(2);
        assertThat(channels.counted("ch-1", DAY)).isEqualTo(1);
    }

    @Test
    void admit_tooLarge_rejectsWithoutCounting() {
        assertThatThrownBy(() -> rules.admit(channel, 10 * UploadPlan.MIB + 1, "video/mp4", DAY))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("up to 10 MiB");
        assertThatThrownBy(() -> rules.admit(channel, 0, "video/mp4", DAY))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.EMPTY));
        assertThat(channels.counted("ch-1", DAY)).isZero();
    }

    @Test
    void admit_contentTypeNotAllowed_rejectsWithoutCounting() {
        assertThatThrownBy(() -> rules.admit(channel, 100, "application/pdf", DAY))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CONTENT_TYPE_NOT_ALLOWED))
                .hasMessageContaining("application/pdf").hasMessageContaining("video/mp4, video/webm");
        assertThatThrownBy(() -> rules.admit(channel, 100, null, DAY)).hasMessageContaining("unknown");
        assertThat(channels.counted("ch-1", DAY)).isZero();
        assertThat(rules.admit(channel, 100, "Video/MP4; codecs=\"avc1\"", DAY).partCount()).isEqualTo(1);
    }

    @Test
    void admit_dailyLimit_rejectsTheThirdUploadOfTheDay() {
        rules.admit(channel, 100, "video/mp4", DAY);
        rules.admit(channel, 100, "video/mp4", DAY);

        assertThatThrownBy(() -> rules.admit(channel, 100, "video/mp4", DAY))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DAILY_LIMIT_REACHED))
                .hasMessageContaining("2 uploads per day");
        assertThat(rules.admit(channel, 100, "video/mp4", DAY.plusDays(1))).isNotNull();
    }

    @Test
    void humanBytes_readable() {
        assertThat(UploadRules.humanBytes(512)).isEqualTo("512 bytes");
        assertThat(UploadRules.humanBytes(1536)).isEqualTo("1.5 KiB");
        assertThat(UploadRules.humanBytes(5L * 1024 * 1024 * 1024)).isEqualTo("5 GiB");
    }
}
