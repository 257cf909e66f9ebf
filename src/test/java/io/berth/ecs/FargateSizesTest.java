package io.berth.ecs;

import io.berth.edge.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FargateSizesTest {

    private static final String INVALID_CPU = "Invalid 'cpu' setting for task. For more information, see the "
            + "Troubleshooting section of the Amazon ECS Developer Guide.";
    private static final String INVALID_MEMORY = "Invalid 'memory' setting for task. For more information, see the "
            + "Troubleshooting section of the Amazon ECS Developer Guide.";

    /** The AWS task size table, written out independently of the implementation. */
    static Stream<Arguments> validSizes() {
        List<Arguments> sizes = new ArrayList<>();
        for (int memory : new int[] {512, 1024, 2048}) {
            sizes.add(Arguments.of(256, memory));
        }
        addRange(sizes, 512, 1, 4, 1);
        addRange(sizes, 1024, 2, 8, 1);
        addRange(sizes, 2048, 4, 16, 1);
        addRange(sizes, 4096, 8, 30, 1);
        addRange(sizes, 8192, 16, 60, 4);
        addRange(sizes, 16384, 32, 120, 8);
        return sizes.stream();
    }

    private static void addRange(List<Arguments> sizes, int cpu, int fromGb, int toGb, int stepGb) {
        for (int gb = fromGb; gb <= toGb; gb += stepGb) {
            sizes.add(Arguments.of(cpu, gb * 1024));
        }
    }

    @Test
    void theTableHasTheSeventyFourSizesAwsOffers() {
        assertThat(validSizes()).hasSize(74);
        assertThat(FargateSizes.cpuOptions()).containsExactly(256, 512, 1024, 2048, 4096, 8192, 16384);
        int total = FargateSizes.cpuOptions().stream().mapToInt(cpu -> FargateSizes.memoryOptions(cpu).size()).sum();
        assertThat(total).isEqualTo(74);
    }

    @ParameterizedTest(name = "{0} CPU, {1} MiB")
    @MethodSource("validSizes")
    void everyDocumentedSizeIsValid(int cpu, int memory) {
        assertThat(FargateSizes.isValid(cpu, memory)).isTrue();
        assertThat(FargateSizes.memoryOptions(cpu)).contains(memory);
        assertThatCode(() -> FargateSizes.requireValid(cpu, memory)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} CPU, {1} MiB")
    @MethodSource("validSizes")
    void everyDocumentedSizeParsesFromItsVcpuAndGbForms(int cpu, int memory) {
        String vcpu = BigDecimal.valueOf(cpu).divide(BigDecimal.valueOf(1024)).stripTrailingZeros().toPlainString();
        String gb = BigDecimal.valueOf(memory).divide(BigDecimal.valueOf(1024)).stripTrailingZeros().toPlainString();

        assertThat(FargateSizes.normalizeCpu(vcpu + " vCPU")).isEqualTo(Integer.toString(cpu));
        assertThat(FargateSizes.normalizeCpu(vcpu + "vcpu")).isEqualTo(Integer.toString(cpu));
        assertThat(FargateSizes.normalizeMemory(gb + " GB")).isEqualTo(Integer.toString(memory));
        assertThat(FargateSizes.normalizeMemory(gb + "gb")).isEqualTo(Integer.toString(memory));
        assertThat(FargateSizes.normalizeCpu(Integer.toString(cpu))).isEqualTo(Integer.toString(cpu));
        assertThat(FargateSizes.normalizeMemory(Integer.toString(memory))).isEqualTo(Integer.toString(memory));
    }

    @ParameterizedTest(name = "{0} CPU, {1} MiB")
    @CsvSource({
            "256, 256", "256, 3072", "256, 1536",
            "512, 512", "512, 5120", "512, 1536",
            "1024, 1024", "1024, 9216", "1024, 2560",
            "2048, 2048", "2048, 17408",
            "4096, 4096", "4096, 31744", "4096, 8704",
            "8192, 8192", "8192, 17408", "8192, 18432", "8192, 62464", "8192, 65536",
            "16384, 16384", "16384, 33792", "16384, 131072",
            "128, 512", "768, 2048", "32768, 65536", "0, 0"
    })
    void undocumentedSizesAreRefusedWithTheAwsMessage(int cpu, int memory) {
        assertThat(FargateSizes.isValid(cpu, memory)).isFalse();
        assertThatThrownBy(() -> FargateSizes.requireValid(cpu, memory))
                .isInstanceOfSatisfying(AwsException.class, error -> {
                    assertThat(error.code()).isEqualTo("ClientException");
                    assertThat(error.status()).isEqualTo(400);
                })
                .hasMessage("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                        + " memory. See the Amazon ECS documentation for the valid values.");
    }

    @ParameterizedTest(name = "{0} CPU, {1} MiB on Windows: {2}")
    @CsvSource({
            "256, 512, false", "512, 1024, false",
            "1024, 2048, true", "2048, 16384, true", "4096, 30720, true",
            "8192, 16384, false", "16384, 32768, false", "1024, 1024, false"
    })
    void windowsStartsAtOneVcpuAndStopsAtFour(int cpu, int memory, boolean valid) {
        assertThat(FargateSizes.isValidForWindows(cpu, memory)).isEqualTo(valid);
        if (valid) {
            assertThatCode(() -> FargateSizes.requireValidForWindows(cpu, memory)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> FargateSizes.requireValidForWindows(cpu, memory))
                    .hasMessageStartingWith("No Fargate configuration exists for given values: " + cpu + " CPU");
        }
    }

    @Test
    void memoryOptionsOfAnUnofferedCpuAreEmpty() {
        assertThat(FargateSizes.memoryOptions(768)).isEmpty();
        assertThat(FargateSizes.memoryOptions(256)).containsExactly(512, 1024, 2048);
        assertThat(FargateSizes.memoryOptions(8192)).startsWith(16384, 20480).endsWith(61440);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "256|256", "1024|1024", " 512 |512", "128|128", "196608|196608",
            "1 vCPU|1024", "1vcpu|1024", "1 VCPU|1024", "1 vcpu|1024", "1vCPU|1024",
            "0.25 vCPU|256", ".25 vCPU|256", "0.5 vcpu|512", ".5vCPU|512", "0.125 vCPU|128",
            "2 vCPU|2048", "4 vCPU|4096", "16 vCPU|16384", "1.5 vCPU|1536", "2.0 vCPU|2048", " 1 vCPU |1024"
    })
    void cpuIsStoredInUnits(String given, String units) {
        assertThat(FargateSizes.normalizeCpu(given)).isEqualTo(units);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "abc", "1 cpu", "1 vCPUs", "vCPU", "1.3 vCPU", "-256", "0", "0 vCPU",
            "256.5", "1,024", "1 024", "99999999999", "1 vCPU 2", "1 GB", "0x100", "+256", "1e3"})
    void cpuInAnyOtherFormIsRefused(String given) {
        assertThatThrownBy(() -> FargateSizes.normalizeCpu(given))
                .isInstanceOfSatisfying(AwsException.class, error -> assertThat(error.code()).isEqualTo("ClientException"))
                .hasMessage(INVALID_CPU);
    }

    @ParameterizedTest
    @NullSource
    void aMissingCpuCannotBeNormalised(String given) {
        assertThatThrownBy(() -> FargateSizes.normalizeCpu(given)).hasMessage(INVALID_CPU);
        assertThatThrownBy(() -> FargateSizes.normalizeMemory(given)).hasMessage(INVALID_MEMORY);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "512|512", "2048|2048", " 4096|4096", "6|6",
            "2 GB|2048", "2GB|2048", "2 gb|2048", "2Gb|2048", "0.5 GB|512", ".5GB|512", "1.5 GB|1536",
            "30GB|30720", "120 GB|122880", "1 GB |1024"
    })
    void memoryIsStoredInMib(String given, String mib) {
        assertThat(FargateSizes.normalizeMemory(given)).isEqualTo(mib);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "x", "2 GiB", "512 MiB", "512MB", "512 mb", "2 TB", "1.0001 GB", "-1", "0",
            "0 GB", "GB", "1024.5", "2,048", "1 vCPU", "99999999999"})
    void memoryInAnyOtherFormIsRefused(String given) {
        assertThatThrownBy(() -> FargateSizes.normalizeMemory(given))
                .isInstanceOfSatisfying(AwsException.class, error -> assertThat(error.code()).isEqualTo("ClientException"))
                .hasMessage(INVALID_MEMORY);
    }
}
