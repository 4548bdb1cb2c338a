package dev.clipflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserLimitsTest {

    @Test
    void parse_blankMeansTheDefault_andValuesAreWholeNumbersFromZero() {
        assertThat(UserLimits.parse(null, " ", "")).isEqualTo(UserLimits.DEFAULT);
        assertThat(UserLimits.parse("3", "0", " 90 ")).isEqualTo(new UserLimits(3, 0, 90));
        assertThat(new UserLimits(1, 1, 90).sourceSecondsPerDay()).isEqualTo(5400);
        assertThatThrownBy(() -> UserLimits.parse("-1", null, null)).hasMessageContaining("channels");
        assertThatThrownBy(() -> UserLimits.parse(null, "many", null)).hasMessageContaining("uploadsPerDay");
        assertThatThrownBy(() -> UserLimits.parse(null, null, "1.5")).hasMessageContaining("sourceMinutesPerDay");
    }
}
