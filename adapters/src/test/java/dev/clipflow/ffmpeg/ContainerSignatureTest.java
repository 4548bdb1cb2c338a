package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContainerSignatureTest {

    @Test
    void of_mp4Header_isIsoBmff() {
        byte[] head = new byte[]{0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        assertThat(ContainerSignature.of(head)).isEqualTo(ContainerSignature.ISO_BMFF);
    }

    @Test
    void of_matroska_isMatroska() {
        assertThat(ContainerSignature.of(new byte[]{0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2}))
                .isEqualTo(ContainerSignature.MATROSKA);
    }

    @Test
    void of_transportStream_needsTwoSyncBytes() {
        byte[] ts = new byte[376];
        ts[0] = 0x47;
        ts[188] = 0x47;
        assertThat(ContainerSignature.of(ts)).isEqualTo(ContainerSignature.MPEG_TS);
        ts[188] = 0;
        assertThat(ContainerSignature.of(ts)).isEqualTo(ContainerSignature.UNKNOWN);
    }

    @Test
    void of_text_isUnknown() {
        assertThat(ContainerSignature.of("milk, eggs, bread".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ContainerSignature.UNKNOWN);
        assertThat(ContainerSignature.of(new byte[0])).isEqualTo(ContainerSignature.UNKNOWN);
    }
}
