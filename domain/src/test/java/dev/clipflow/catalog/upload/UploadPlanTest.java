package dev.clipflow.catalog.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UploadPlanTest {
    private static final long MIB = UploadPlan.MIB;
    private static final long GIB = 1024 * MIB;

    @Test
    void forSize_smallFile_isOnePartOfTheDefaultSize() {
        UploadPlan plan = UploadPlan.forSize(1234);

        assertThat(plan.partCount()).isEqualTo(1);
        assertThat(plan.partSize()).isEqualTo(8 * MIB);
        assertThat(plan.sizeOfPart(1)).isEqualTo(1234);
    }

    @Test
    void forSize_justOverOnePart_isTwoPartsWithASmallLastOne() {
        UploadPlan plan = UploadPlan.forSize(8 * MIB + 1);

        assertThat(plan.partCount()).isEqualTo(2);
        assertThat(plan.sizeOfPart(1)).isEqualTo(8 * MIB);
        assertThat(plan.sizeOfPart(2)).isEqualTo(1);
        assertThat(UploadPlan.forSize(16 * MIB).partCount()).isEqualTo(2);
    }

    @Test
    void forSize_fiveGib_staysAtTheDefaultPartSize() {
        UploadPlan plan = UploadPlan.forSize(5 * GIB);

        assertThat(plan.partSize()).isEqualTo(8 * MIB);
        assertThat(plan.partCount()).isEqualTo(640);
    }

    @Test
    void forSize_hugeFiles_growPartsToStayWithinTenThousand() {
        UploadPlan hundredGib = UploadPlan.forSize(100 * GIB);
        UploadPlan max = UploadPlan.forSize(UploadPlan.MAX_OBJECT_SIZE);

        assertThat(hundredGib.partCount()).isLessThanOrEqualTo(10_000);
        assertThat(hundredGib.partSize() % MIB).isZero();
        assertThat(hundredGib.partSize() * hundredGib.partCount()).isGreaterThanOrEqualTo(100 * GIB);
        assertThat(max.partCount()).isLessThanOrEqualTo(10_000);
        assertThat(max.partSize()).isLessThanOrEqualTo(UploadPlan.MAX_PART_SIZE);
    }

    @Test
    void forSize_preferredBelowS3Minimum_isRaisedToFiveMib() {
        assertThat(UploadPlan.forSize(20 * MIB, 1024).partSize()).isEqualTo(5 * MIB);
        assertThat(UploadPlan.forSize(20 * MIB, 1024).partCount()).isEqualTo(4);
    }

    @Test
    void forSize_emptyOrAboveFiveTib_throws() {
        assertThatThrownBy(() -> UploadPlan.forSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UploadPlan.forSize(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UploadPlan.forSize(UploadPlan.MAX_OBJECT_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_inconsistentCount_throws() {
        assertThatThrownBy(() -> new UploadPlan(20 * MIB, 8 * MIB, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadPlan(20 * MIB, 8 * MIB, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UploadPlan.forSize(10).sizeOfPart(2)).isInstanceOf(IllegalArgumentException.class);
    }
}
