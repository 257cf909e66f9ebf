package io.berth.ecs;

import io.berth.edge.AwsException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task sizes Fargate offers, and the task-level {@code cpu} and {@code memory} strings ECS accepts.
 *
 * <p>ECS takes {@code cpu} as CPU units ("1024") or vCPUs ("1 vCPU", "1vcpu", ".25 vCPU") and
 * {@code memory} as MiB ("2048") or GB ("2 GB", "2GB") and stores both as unit strings. The API
 * documentation names no other unit, so "512 MiB" or "2 GiB" are refused like any other garbage.
 */
public final class FargateSizes {

    private static final int UNITS_PER_VCPU = 1024;
    private static final int MIB_PER_GB = 1024;

    private static final Pattern PLAIN = Pattern.compile("\\s*(\\d{1,9})\\s*");
    private static final Pattern VCPU = Pattern.compile("\\s*(\\d{0,6}(?:\\.\\d{1,6})?)\\s*vcpu\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GB = Pattern.compile("\\s*(\\d{0,6}(?:\\.\\d{1,6})?)\\s*gb\\s*",
            Pattern.CASE_INSENSITIVE);

    private static final Map<Integer, List<Integer>> MEMORY_BY_CPU = table();

    /** Windows containers on Fargate start at 1 vCPU and stop at 4 vCPU. */
    private static final Set<Integer> WINDOWS_CPU = Set.of(1024, 2048, 4096);

    private FargateSizes() {
    }

    private static Map<Integer, List<Integer>> table() {
        Map<Integer, List<Integer>> table = new LinkedHashMap<>();
        table.put(256, List.of(512, 1024, 2048));
        table.put(512, steps(1024, 4096, 1024));
        table.put(1024, steps(2048, 8192, 1024));
        table.put(2048, steps(4096, 16384, 1024));
        table.put(4096, steps(8192, 30720, 1024));
        table.put(8192, steps(16384, 61440, 4096));
        table.put(16384, steps(32768, 122880, 8192));
        return table;
    }

    private static List<Integer> steps(int from, int to, int step) {
        List<Integer> values = new ArrayList<>();
        for (int value = from; value <= to; value += step) {
            values.add(value);
        }
        return List.copyOf(values);
    }

    /** The task {@code cpu} as a unit string, e.g. "0.25 vCPU" → "256". */
    public static String normalizeCpu(String value) {
        Integer units = parse(value, VCPU, UNITS_PER_VCPU);
        if (units == null) {
            throw invalidCpu();
        }
        return Integer.toString(units);
    }

    /** The task {@code memory} as a MiB string, e.g. "2 GB" → "2048". */
    public static String normalizeMemory(String value) {
        Integer mib = parse(value, GB, MIB_PER_GB);
        if (mib == null) {
            throw invalidMemory();
        }
        return Integer.toString(mib);
    }

    /** A positive whole number of base units, or null when the text is no form ECS accepts. */
    private static Integer parse(String value, Pattern unitForm, int perUnit) {
        if (value == null) {
            return null;
        }
        Matcher plain = PLAIN.matcher(value);
        if (plain.matches()) {
            return positive(new BigDecimal(plain.group(1)));
        }
        Matcher withUnit = unitForm.matcher(value);
        if (withUnit.matches() && !withUnit.group(1).isEmpty()) {
            return positive(new BigDecimal(withUnit.group(1)).multiply(BigDecimal.valueOf(perUnit)));
        }
        return null;
    }

    /** Fractions of a unit ("1.3 vCPU" is 1331.2 units) have no integer form, so ECS cannot store them. */
    private static Integer positive(BigDecimal amount) {
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0
                || amount.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return null;
        }
        return amount.intValueExact();
    }

    public static boolean isValid(int cpu, int memoryMiB) {
        return memoryOptions(cpu).contains(memoryMiB);
    }

    public static boolean isValidForWindows(int cpu, int memoryMiB) {
        return WINDOWS_CPU.contains(cpu) && isValid(cpu, memoryMiB);
    }

    /** The memory sizes (MiB) Fargate pairs with a task cpu, empty for a cpu Fargate does not offer. */
    public static List<Integer> memoryOptions(int cpu) {
        return MEMORY_BY_CPU.getOrDefault(cpu, List.of());
    }

    public static Set<Integer> cpuOptions() {
        return MEMORY_BY_CPU.keySet();
    }

    public static void requireValid(int cpu, int memoryMiB) {
        if (!isValid(cpu, memoryMiB)) {
            throw noConfiguration(cpu, memoryMiB);
        }
    }

    public static void requireValidForWindows(int cpu, int memoryMiB) {
        if (!isValidForWindows(cpu, memoryMiB)) {
            throw noConfiguration(cpu, memoryMiB);
        }
    }

    private static AwsException noConfiguration(int cpu, int memoryMiB) {
        return EcsErrors.client(noConfigurationMessage(cpu, memoryMiB));
    }

    static String noConfigurationMessage(int cpu, int memoryMiB) {
        return "No Fargate configuration exists for given values: " + cpu + " CPU, " + memoryMiB
                + " memory. See the Amazon ECS documentation for the valid values.";
    }

    static AwsException invalidCpu() {
        return EcsErrors.client("Invalid 'cpu' setting for task. For more information, see the "
                + "Troubleshooting section of the Amazon ECS Developer Guide.");
    }

    // Invented: AWS documents only the 'cpu' form of this message; 'memory' mirrors it.
    static AwsException invalidMemory() {
        return EcsErrors.client("Invalid 'memory' setting for task. For more information, see the "
                + "Troubleshooting section of the Amazon ECS Developer Guide.");
    }
}
