package io.berth.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The entry point of bench/run: {@code Bench NAME --name value ...} runs the client of one
 * benchmark. bench/run prepares what the client cannot (the jar, and for launch and network a
 * private Docker engine and root's clean-up) and passes it as arguments.
 */
public final class Bench {

    /** A benchmark's client: its exit status, 0 when every request answered as expected. */
    interface Client {
        int run(String[] args) throws Exception;
    }

    record Benchmark(String name, Client client) {
    }

    /** Every benchmark bench/run knows, by name (bench/run lists what each measures). */
    static final List<Benchmark> ALL = List.of(
            new Benchmark("api", ApiBench::run),
            new Benchmark("iam", IamBench::run),
            new Benchmark("launch", LaunchBench::run),
            new Benchmark("network", NetworkBench::run),
            new Benchmark("fuzz", FuzzBench::run));

    private Bench() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: Bench NAME [--name value ...]; names: "
                    + String.join(", ", ALL.stream().map(Benchmark::name).toList()));
            System.exit(64);
        }
        Benchmark benchmark = ALL.stream().filter(b -> b.name().equals(argv[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no benchmark named " + argv[0]));
        System.exit(benchmark.client().run(Arrays.copyOfRange(argv, 1, argv.length)));
    }
}
