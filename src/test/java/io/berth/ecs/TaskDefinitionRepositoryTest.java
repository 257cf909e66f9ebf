package io.berth.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskDefinitionRepositoryTest {

    @Test
    void idsAreTheFamilyAndTheZeroPaddedRevisionAsTheFormatterWritesThem() {
        for (int revision : new int[] {0, 1, 7, 10, 99, 1000, 123456789, 1234567890, Integer.MAX_VALUE, -1, -42,
                Integer.MIN_VALUE}) {
            assertThat(TaskDefinitionRepository.id("web", revision))
                    .isEqualTo("web " + String.format("%010d", revision));
        }
        assertThat(TaskDefinitionRepository.id("bench", 5)).isEqualTo("bench 0000000005");
    }
}
