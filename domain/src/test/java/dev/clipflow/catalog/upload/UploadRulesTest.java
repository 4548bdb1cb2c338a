package dev.clipflow.catalog.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.upload.UploadRejectedException.Reason;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadRulesTest {
    private final Channel channel = new Channel("ch-1", "u-1", "Cats",
            new ChannelLimits(10 * UploadPlan.MIB, Set.of("video/mp4", "video/webm"), 2));
    private static final ChannelLimits ARRIVAL = new ChannelLimits(1000, Set.of("video/mp4"), 5);

    @Test
    void plan_withinLimits_plans() {
        UploadPlan plan = UploadRules.plan(channel.limits(), 9 * UploadPlan.MIB, "video/mp4");

        assertThat(plan.partCount()).isEqualTo(2);
    }

    @Test
    void reservedSeconds_declaredRoundedUp_elseTheChannelsLongest() {
        assertThat(UploadRules.reservedSeconds(channel.limits(), 59.2)).isEqualTo(61);
        assertThat(UploadRules.reservedSeconds(channel.limits(), 14_400.0)).isEqualTo(14_400);
        assertThat(UploadRules.reservedSeconds(channel.limits(), null)).isEqualTo(14_400);
        for (Double bad : new Double[] {0.0, -3.0, 14_400.5, Double.NaN}) {
            assertThatThrownBy(() -> UploadRules.reservedSeconds(channel.limits(), bad))
                    .isInstanceOfSatisfying(UploadRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LONG));
        }
    }

    @Test
    void plan_tooLargeOrEmpty_isRejected() {
        assertThatThrownBy(() -> UploadRules.plan(channel.limits(), 10 * UploadPlan.MIB + 1, "video/mp4"))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("up to 10 MiB");
        assertThatThrownBy(() -> UploadRules.plan(channel.limits(), 0, "video/mp4"))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.EMPTY));
    }

    @Test
    void plan_contentTypeNotAllowed_isRejected() {
        assertThatThrownBy(() -> UploadRules.plan(channel.limits(), 100, "application/pdf"))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CONTENT_TYPE_NOT_ALLOWED))
                .hasMessageContaining("application/pdf").hasMessageContaining("video/mp4, video/webm");
        assertThatThrownBy(() -> UploadRules.plan(channel.limits(), 100, null)).hasMessageContaining("unknown");
        assertThat(UploadRules.plan(channel.limits(), 100, "Video/MP4; codecs=\"avc1\"").partCount()).isEqualTo(1);
    }

    @Test
    void humanBytes_readable() {
        assertThat(UploadRules.humanBytes(512)).isEqualTo("512 bytes");
        assertThat(UploadRules.humanBytes(1536)).isEqualTo("1.5 KiB");
        assertThat(UploadRules.humanBytes(5L * 1024 * 1024 * 1024)).isEqualTo("5 GiB");
    }

    @Test
    void arrivalViolation_exactDeclaredSizeWithinLimit_passes() {
        assertThat(UploadRules.arrivalViolation(900, 900, ARRIVAL)).isEmpty();
    }

    @Test
    void arrivalViolation_emptyFile_saysEmpty() {
        assertThat(UploadRules.arrivalViolation(0, 900, ARRIVAL)).hasValue("The uploaded file is empty.");
    }

    @Test
    void arrivalViolation_overChannelLimit_namesBothSizesInTheUploadApisFormat() {
        assertThat(UploadRules.arrivalViolation(2048, 2048, ARRIVAL)).hasValue(
                "The uploaded file is 2 KiB, larger than this channel's limit of 1000 bytes.");
        long twoGiB = 2L * 1024 * 1024 * 1024;
        var gib = new ChannelLimits(twoGiB, Set.of("video/mp4"), 5);
        assertThat(UploadRules.arrivalViolation(twoGiB + 512L * 1024 * 1024, twoGiB, gib)).hasValue(
                "The uploaded file is 2.5 GiB, larger than this channel's limit of 2 GiB.");
    }

    @Test
    void arrivalViolation_otherThanDeclared_namesBothSizes() {
        assertThat(UploadRules.arrivalViolation(901, 900, ARRIVAL)).hasValue(
                "The uploaded file is 901 bytes, but 900 bytes were declared when the upload was created.");
    }
}
