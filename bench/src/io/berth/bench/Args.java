package io.berth.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The "--name value" arguments bench/run passes to a benchmark client. */
final class Args {

    private Args() {
    }

    static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", argv));
            }
            args.put(argv[i].substring(2), argv[++i]);
        }
        return args;
    }

    static String require(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    /** A comma-separated list of integers, e.g. the concurrencies "1,8". */
    static int[] integers(Map<String, String> args, String name, String fallback) {
        return Arrays.stream(args.getOrDefault(name, fallback).split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    }

    static int cpus(Map<String, String> args) {
        return Integer.parseInt(args.getOrDefault("cpus", String.valueOf(Runtime.getRuntime().availableProcessors())));
    }
}
