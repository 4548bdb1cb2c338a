package dev.clipflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UploadApiApplicationTest {

    @Test
    void urlTtlSeconds_defaultsTo900_andIsCappedAtAnHour() {
        assertThat(UploadApiApplication.urlTtlSeconds(null)).isEqualTo(900);
        assertThat(UploadApiApplication.urlTtlSeconds(" ")).isEqualTo(900);
        assertThat(UploadApiApplication.urlTtlSeconds("60")).isEqualTo(60);
        assertThat(UploadApiApplication.urlTtlSeconds("86400")).isEqualTo(3600);
        assertThat(UploadApiApplication.urlTtlSeconds("0")).isEqualTo(1);
        assertThatThrownBy(() -> UploadApiApplication.urlTtlSeconds("15m")).isInstanceOf(NumberFormatException.class);
    }
}
