package io.berth.edge;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing of the edge: generated malformed requests of every kind (see {@link HostileRequests})
 * never get a status of 500 or more, never a dropped connection, and every error is its protocol's
 * error shape (or the edge's, for what is refused before a protocol is known). Bounded: at most
 * {@value #REQUESTS} requests or 45 seconds, whichever comes first (a loaded machine sends fewer;
 * a run of fewer than {@value #FEWEST} tells nothing and fails). The seed is printed;
 * {@code -Dfuzz.seed=N} replays a run; {@code bench/run fuzz} runs the same generator at length.
 */
class HostileInputIT {

    private static final int REQUESTS = 2000;
    private static final int FEWEST = 100;
    private static final long BUDGET_NANOS = 45_000_000_000L;
    /**
     * Every generated request is whole or half-closed, so none waits out the edge's idle timeout:
     * an answer slower than this is a hang.
     */
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
    void theMalformedRequestsOfTheIssueGetTheirExactErrors() throws IOException {
        HostileRequests requests = new HostileRequests(berth.endpoint(), TestBerth.ACCESS_KEY, TestBerth.SECRET_KEY,
                "us-east-1");
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        Map<String, String> json = Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters");

        HostileRequests.Answer brokenEscape = requests.send(requests.signedPost("iam", HostileRequests.Family.QUERY, form,
                "Action=%ZZ&Version=2010-05-08".getBytes(StandardCharsets.US_ASCII)), ANSWER_MILLIS);
        assertThat(brokenEscape.status()).isEqualTo(404);
        assertThat(text(brokenEscape)).contains("<Code>MalformedQueryString</Code>");

        HostileRequests.Answer noAction = requests.send(requests.signedPost("sts", HostileRequests.Family.QUERY, form,
                "Version=2011-06-15".getBytes(StandardCharsets.US_ASCII)), ANSWER_MILLIS);
        assertThat(noAction.status()).isEqualTo(400);
        assertThat(text(noAction)).contains("<Code>MissingAction</Code>");

        for (String body : List.of("null", "[]", "{}x", "{\"clusters\":")) {
            HostileRequests.Answer answer = requests.send(requests.signedPost("ecs", HostileRequests.Family.JSON, json,
                    body.getBytes(StandardCharsets.US_ASCII)), ANSWER_MILLIS);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(text(answer)).as(body).startsWith("{\"__type\":\"SerializationException\"");
        }

        HostileRequests.Answer hugeFilter = requests.send(requests.signedPost("ec2", HostileRequests.Family.EC2, form,
                ("Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=tag:Name&Filter.1.Value.1="
                        + "*x".repeat(1 << 20)).getBytes(StandardCharsets.US_ASCII)), ANSWER_MILLIS);
        assertThat(hugeFilter.status()).isEqualTo(200);
        assertThat(text(hugeFilter)).contains("vpcSet").doesNotContain("<vpcId>");
    }

    private static String text(HostileRequests.Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
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
        assertThat(sent).as("requests sent in the time budget, seed %d", seed).isGreaterThanOrEqualTo(FEWEST);
        assertThat(berth.sts().getCallerIdentity().account()).isEqualTo(TestBerth.ACCOUNT);
    }
}
