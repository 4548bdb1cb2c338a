package dev.clipflow.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.media.LadderPlanner;
import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CostCeilingTest {
    private static final CostEstimator COSTS = new CostEstimator(PriceTable.US_EAST_1);
    private static final CostCeiling DEFAULT = new CostCeiling(CostCeiling.DEFAULT_MAX_USD);

    private static MediaInfo media(int w, int h, double fps, double seconds) {
        return new MediaInfo(seconds, w, h, 0, w, h, fps, "h264", "aac", 8_000_000, "mp4");
    }

    private static List<RenditionSpec> ladder(MediaInfo media) {
        return new LadderPlanner().plan(media);
    }

    private static double forecastUsd(MediaInfo media) {
        return COSTS.stageCost(CostCeiling.forecast(media, ladder(media))).total().doubleValue();
    }

    @Test
    void forecast_1080p25_usesTheMeasuredEncodeRateAtTheTranscodeFunctionsSize() {
        MediaInfo hour = media(1920, 1080, 25, 3600);

        StageUsage usage = CostCeiling.forecast(hour, ladder(hour));

        // 4.524 vCPU-s per source second x 3600 s over 6 vCPU at 75%: 3619.2 s at 10,240 MB.
        assertThat(usage.durationMillis()).isCloseTo(3_619_200, Offset.offset(1L));
        assertThat(usage.memoryMb()).isEqualTo(10_240);
        assertThat(usage.bytesStored()).isPositive();
        assertThat(usage.s3Puts()).isEqualTo(900 * 5 + 5 + 4);
    }

    @Test
    void forecast_scalesWithFramesAndLadderPixels() {
        double hd25 = forecastUsd(media(1920, 1080, 25, 600));
        double hd50 = forecastUsd(media(1920, 1080, 50, 600));
        double sd25 = forecastUsd(media(640, 360, 25, 600));

        assertThat(hd50).isGreaterThan(hd25 * 1.8);
        assertThat(sd25).isLessThan(hd25 / 5);
    }

    @Test
    void defaultCeiling_passesFourHoursOf1080pAndRefusesFourHoursOf4k60() {
        MediaInfo hd = media(1920, 1080, 25, 4 * 3600);
        MediaInfo uhd = media(3840, 2160, 60, 4 * 3600);

        BigDecimal forecast = DEFAULT.check(hd, ladder(hd), null, COSTS);

        assertThat(forecast.doubleValue()).isBetween(2.0, 4.0);
        assertThatThrownBy(() -> DEFAULT.check(uhd, ladder(uhd), null, COSTS))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageStartingWith("COST_ABOVE_CEILING")
                .hasMessageContaining("the ceiling is 5 USD")
                .extracting(e -> ((MediaRejectedException) e).reason())
                .isEqualTo(MediaRejectionReason.COST_ABOVE_CEILING);
    }

    @Test
    void check_channelCeiling_replacesTheDefaultEitherWay() {
        MediaInfo hd = media(1920, 1080, 25, 4 * 3600);
        MediaInfo uhd = media(3840, 2160, 60, 4 * 3600);

        assertThatThrownBy(() -> DEFAULT.check(hd, ladder(hd), new BigDecimal("0.50"), COSTS))
                .hasMessageContaining("the ceiling is 0.5 USD");
        assertThat(DEFAULT.check(uhd, ladder(uhd), new BigDecimal("100"), COSTS)).isPositive();
    }
}
