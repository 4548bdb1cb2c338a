package dev.clipflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.catalog.ChannelLimits;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadCheckTest {
    private static final ChannelLimits LIMITS = new ChannelLimits(1000, Set.of("video/mp4"), 5);

    @Test
    void violation_exactDeclaredSizeWithinLimit_passes() {
        assertThat(UploadCheck.violation(900, 900, LIMITS)).isEmpty();
    }

    @Test
    void violation_emptyFile_saysEmpty() {
        assertThat(UploadCheck.violation(0, 900, LIMITS)).hasValue("The uploaded file is empty.");
    }

    @Test
    void violation_overChannelLimit_namesBothSizes() {
        assertThat(UploadCheck.violation(2048, 2048, LIMITS)).hasValueSatisfying(reason ->
                assertThat(reason).contains("2.0 KiB").contains("limit of 1000 bytes"));
    }

    @Test
    void violation_otherThanDeclared_namesBothSizes() {
        assertThat(UploadCheck.violation(901, 900, LIMITS)).hasValue(
                "The uploaded file is 901 bytes, but 900 bytes were declared when the upload was created.");
    }
}
