package io.berth.edge;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing of the edge: generated malformed requests of every kind (see {@link HostileRequests})
 * never get a status of 500 or more, never a dropped connection, and every error is its protocol's
 * error shape. The seed is printed; {@code -Dfuzz.seed=N} replays a run.
 */
class HostileInputIT {

    private static final int REQUESTS = 2000;
    private static final long BUDGET_NANOS = 30_000_000_000L;
    /** Longer than the edge's body read timeout, so that a truncated body's answer arrives in it. */
    private static final int ANSWER_MILLIS = 10_000;

    @TempDir
    static Path dataDir;
    static TestBerth berth;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
    }

    @AfterAll
    static void stop() {
        berth.close();
    }

    @Test
    void malformedRequestsGetTheirProtocolsErrors() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        HostileRequests requests = new HostileRequests(berth.endpoint(), TestBerth.ACCESS_KEY, TestBerth.SECRET_KEY,
                "us-east-1");
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int sent = 0;
        while (sent < REQUESTS && System.nanoTime() < deadline) {
            long requestSeed = seed + sent;
            HostileRequests.Wire request = requests.generate(requestSeed);
            String problem;
            try {
                HostileRequests.Answer answer = requests.send(request, ANSWER_MILLIS);
                byStatus.merge(answer.status(), 1, Integer::sum);
                problem = HostileRequests.problem(request, answer);
            } catch (IOException e) {
                byStatus.merge(-2, 1, Integer::sum);
                problem = e.toString();
            }
            if (problem != null && problems.size() < 20) {
                problems.add("request seed " + requestSeed + " (" + request.kind() + "): "
                        + (problem.length() > 400 ? problem.substring(0, 400) + "…" : problem));
            }
            sent++;
        }
        System.out.println("HostileInputIT seed=" + seed + " sent=" + sent + " statuses=" + byStatus);

        assertThat(problems).as("seed %d (replay with -Dfuzz.seed=%d); statuses %s", seed, seed, byStatus).isEmpty();
        assertThat(sent).as("requests sent in the time budget, seed %d", seed).isGreaterThanOrEqualTo(REQUESTS / 4);
        assertThat(berth.sts().getCallerIdentity().account()).isEqualTo(TestBerth.ACCOUNT);
    }
}
