package io.berth.elb.dataplane;

import io.berth.elb.dataplane.Action.FixedResponse;
import io.berth.elb.dataplane.Action.Forward;
import io.berth.elb.dataplane.Action.Redirect;
import io.berth.elb.dataplane.Condition.PathPattern;
import io.berth.elb.dataplane.TargetHealth.Reason;
import io.berth.elb.dataplane.TargetHealth.State;
import io.berth.net.Attachment;
import io.berth.net.Commands;
import io.berth.net.FirewallRule;
import io.berth.net.LinuxTaskNetwork;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load balancers served by HAProxy on this machine, with targets in namespaces the test makes
 * and wires with Berth's task network on a VPC bridge of its own. The test talks to the load
 * balancer from the host through that bridge (the host holds the subnets' gateway addresses);
 * all traffic stays inside these namespaces and bridges.
 */
class HaproxyDataPlaneIT {

    private static final HealthCheck FAST_HTTP = new HealthCheck(Protocol.HTTP, null, "/health", Duration.ofSeconds(1),
            Duration.ofSeconds(1), 2, 2, "200");
    private static final HealthCheck FAST_TCP = new HealthCheck(Protocol.TCP, null, null, Duration.ofSeconds(1),
            Duration.ofSeconds(1), 2, 2, null);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final LinuxTaskNetwork taskNetwork = new LinuxTaskNetwork();
    private final String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    private final int octet = ThreadLocalRandom.current().nextInt(100, 200);
    private final String vpc = "vpc-" + suffix + "0000000e1b";
    private final String cidr = "10." + octet + ".0.0/16";
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> servers = new ArrayList<>();
    private final List<String> tasks = new ArrayList<>();
    private final List<String> loadBalancers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path runRoot;
    private Path webRoot;
    private HaproxyDataPlane plane;

    @BeforeEach
    void setUp() throws IOException {
        assertThat(System.getProperty("user.name")).as("the data plane needs root").isEqualTo("root");
        runRoot = Files.createTempDirectory("berth-lb");
        webRoot = Files.createTempDirectory("berth-lb-web");
        plane = new HaproxyDataPlane(runRoot, taskNetwork, Clock.systemUTC());
    }

    @AfterEach
    void cleanUp() throws IOException {
        loadBalancers.forEach(plane::remove);
        servers.forEach(Process::destroyForcibly);
        tasks.forEach(taskNetwork::detach);
        namespaces.forEach(ns -> Commands.tolerate("ip", "netns", "del", ns));
        taskNetwork.removeBridge(vpc);
        for (Path root : List.of(runRoot, webRoot)) {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---- the fixture: targets in namespaces of their own, on the VPC's bridge

    private record Server(String namespace, String address, Path root) {
        Target target(int port) {
            return new Target(address, port);
        }
    }

    private Server namespaceAt(int subnet, int host) {
        String name = "berthtest-lb-" + suffix + "-" + namespaces.size();
        Commands.run("ip", "netns", "add", name);
        namespaces.add(name);
        String taskId = String.format("%06x", namespaces.size()) + suffix + "00000000000000000000";
        tasks.add(taskId);
        String address = address(subnet, host);
        taskNetwork.attach(new Attachment(taskId, "/run/netns/" + name, vpc, cidr, address, 24, address(subnet, 1),
                String.format("02:00:%02x:%02x:%02x:%02x", octet, namespaces.size(), subnet, host)));
        return new Server(name, address, null);
    }

    /** A busybox httpd answering its name at /, "ok" at /health, its request's forwarding headers at /cgi-bin/env. */
    private Server httpServer(int subnet, int host, String name, int port) throws IOException {
        Server server = namespaceAt(subnet, host);
        Path root = Files.createTempDirectory(webRoot, name);
        Files.writeString(root.resolve("index.html"), name);
        Files.writeString(root.resolve("health"), "ok");
        Files.createDirectories(root.resolve("api"));
        Files.writeString(root.resolve("api/index.html"), name + " api");
        Path cgi = Files.createDirectories(root.resolve("cgi-bin")).resolve("env");
        Files.writeString(cgi, "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n'\n"
                + "echo \"xff=$HTTP_X_FORWARDED_FOR proto=$HTTP_X_FORWARDED_PROTO port=$HTTP_X_FORWARDED_PORT from=$REMOTE_ADDR\"\n");
        Files.setPosixFilePermissions(cgi, PosixFilePermissions.fromString("rwxr-xr-x"));
        servers.add(new ProcessBuilder("ip", "netns", "exec", server.namespace(), "busybox", "httpd", "-f", "-p",
                String.valueOf(port), "-h", root.toString()).redirectErrorStream(true).start());
        return new Server(server.namespace(), server.address(), root);
    }

    private Server echoServer(int subnet, int host, int port) throws IOException {
        Server server = namespaceAt(subnet, host);
        servers.add(new ProcessBuilder("ip", "netns", "exec", server.namespace(), "busybox", "nc", "-ll", "-p",
                String.valueOf(port), "-e", "cat").redirectErrorStream(true).start());
        return server;
    }

    private String address(int subnet, int host) {
        return "10." + octet + "." + subnet + "." + host;
    }

    private LbInterface nic(int subnet, int host) {
        return new LbInterface("subnet-" + suffix + subnet, vpc, cidr, address(subnet, host), 24, address(subnet, 1),
                String.format("02:01:%02x:%02x:%02x:%02x", octet, subnet, host, loadBalancers.size()));
    }

    private String newLoadBalancerId() {
        String id = "it" + suffix + loadBalancers.size();
        loadBalancers.add(id);
        return id;
    }

    private static TargetGroup httpGroup(String id, Duration delay, Target... targets) {
        return new TargetGroup(id, Protocol.HTTP, 8080, FAST_HTTP, delay, TargetGroup.Algorithm.ROUND_ROBIN, List.of(targets));
    }

    private LoadBalancer alb(String id, List<Listener> listeners, List<TargetGroup> groups) {
        return new LoadBalancer(id, LoadBalancer.Type.APPLICATION, List.of(nic(1, 10), nic(2, 10)),
                new SecurityGroups(List.of("sg-" + suffix), List.of(new FirewallRule("tcp", 80, 80, List.of("0.0.0.0/0"))),
                        List.of(new FirewallRule("-1", -1, -1, List.of(cidr)))),
                Duration.ofSeconds(60), listeners, groups);
    }

    private HttpResponse<String> get(String address, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + address + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealth(LoadBalancer lb, Predicate<List<TargetHealth>> condition) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> condition.test(plane.targetHealth(lb)));
    }

    private static boolean allHealthy(List<TargetHealth> health) {
        return !health.isEmpty() && health.stream().allMatch(h -> h.state() == State.HEALTHY);
    }

    private static Optional<TargetHealth> of(List<TargetHealth> health, Target target) {
        return health.stream().filter(h -> h.target().equals(target)).findFirst();
    }

    /** Calls apply until no drain asks for another call, as a reconciler would. */
    private void applyUntilSettled(LoadBalancer lb) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> plane.apply(lb).isEmpty());
    }

    // ---- the tests

    @Test
    void anApplicationLoadBalancerServesItsTargetsRoundRobinAndItsRulesByPriority() throws Exception {
        Server a = httpServer(1, 21, "A", 8080);
        Server b = httpServer(2, 22, "B", 8080);
        Server c = httpServer(1, 23, "C", 8080);
        Listener listener = new Listener(80, Protocol.HTTP, Forward.to("one"), List.of(
                new Rule(10, List.of(new PathPattern(List.of("/api/*"))), Forward.to("two")),
                new Rule(5, List.of(new PathPattern(List.of("/api/fixed"))), new FixedResponse(418, "application/json", "{\"teapot\":true}")),
                new Rule(20, List.of(new PathPattern(List.of("/old*"))), new Redirect(null, "example.com", null, "/new", null, 301)),
                new Rule(30, List.of(new PathPattern(List.of("/nobody*"))), Forward.to("empty")),
                new Rule(40, List.of(new PathPattern(List.of("/refused*"))), Forward.to("refused")),
                new Rule(2, List.of(new PathPattern(List.of("/index.html"))), new Forward(List.of(
                        new Action.WeightedGroup("one", 1), new Action.WeightedGroup("two", 1))))));
        // Passes its checks on 8080 but refuses its traffic port.
        TargetGroup refused = new TargetGroup("refused", Protocol.HTTP, 8081, new HealthCheck(Protocol.HTTP, 8080, "/health",
                Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 2, "200"), Duration.ZERO, TargetGroup.Algorithm.ROUND_ROBIN,
                List.of(c.target(8081)));
        LoadBalancer lb = alb(newLoadBalancerId(), List.of(listener), List.of(
                httpGroup("one", Duration.ofSeconds(30), a.target(8080), b.target(8080)),
                httpGroup("two", Duration.ofSeconds(30), c.target(8080)),
                httpGroup("empty", Duration.ofSeconds(30)), refused));

        assertThat(plane.apply(lb)).isEmpty();
        assertThat(plane.targetHealth(lb)).extracting(TargetHealth::state).containsOnly(State.INITIAL);
        awaitHealth(lb, HaproxyDataPlaneIT::allHealthy);

        String front = address(1, 10);
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = get(front, "/");
            assertThat(response.statusCode()).isEqualTo(200);
            answers.merge(response.body(), 1, Integer::sum);
        }
        assertThat(answers).as("round robin").containsOnlyKeys("A", "B");
        assertThat(answers.get("A")).isBetween(8, 12);
        assertThat(get(address(2, 10), "/").statusCode()).as("its address in the other subnet").isEqualTo(200);

        assertThat(get(front, "/api/").body()).isEqualTo("C api");
        HttpResponse<String> fixed = get(front, "/api/fixed");
        assertThat(fixed.statusCode()).as("priority 5 before 10").isEqualTo(418);
        assertThat(fixed.body()).isEqualTo("{\"teapot\":true}");
        assertThat(fixed.headers().firstValue("content-type")).hasValue("application/json");
        HttpResponse<String> redirect = get(front, "/old/page?x=1");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("location")).hasValue("http://example.com:80/new?x=1");
        HttpResponse<String> none = get(front, "/nobody");
        assertThat(none.statusCode()).as("no healthy target").isEqualTo(503);
        assertThat(none.body()).contains("<center><h1>503 Service Temporarily Unavailable</h1></center>");
        assertThat(none.headers().firstValue("server")).hasValue("awselb/2.0");

        Map<String, Integer> weighted = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            weighted.merge(get(front, "/index.html").body(), 1, Integer::sum);
        }
        assertThat(weighted.keySet()).as("split between both groups").contains("C").containsAnyOf("A", "B");

        HttpResponse<String> badGateway = get(front, "/refused");
        assertThat(badGateway.statusCode()).as("a target refusing the connection").isEqualTo(502);
        assertThat(badGateway.headers().firstValue("server")).hasValue("awselb/2.0");

        String forwarded = get(front, "/cgi-bin/env").body();
        // The host reaches the load balancer from its gateway address; the target sees the load balancer's.
        assertThat(forwarded).contains("xff=" + address(1, 1), "proto=http", "port=80")
                .containsAnyOf("from=[::ffff:" + address(1, 10) + "]", "from=[::ffff:" + address(2, 10) + "]");
    }

    @Test
    void securityGroupsFilterTheLoadBalancerAndItsConnectionsToTargetsComeFromItsAddresses() throws Exception {
        Server a = httpServer(1, 31, "A", 8080);
        // The target admits only the load balancer's addresses, as a task admitting only its group would.
        taskNetwork.applyFirewall("/run/netns/" + a.namespace(),
                List.of(new FirewallRule("tcp", 8080, 8080, List.of(address(1, 10) + "/32", address(2, 10) + "/32"))), List.of());
        String id = newLoadBalancerId();
        List<Listener> listeners = List.of(new Listener(80, Protocol.HTTP, Forward.to("one"), List.of()));
        List<TargetGroup> groups = List.of(httpGroup("one", Duration.ZERO, a.target(8080)));
        LoadBalancer closed = new LoadBalancer(id, LoadBalancer.Type.APPLICATION, List.of(nic(1, 10), nic(2, 10)),
                new SecurityGroups(List.of("sg-" + suffix), List.of(new FirewallRule("tcp", 80, 80, List.of("192.0.2.0/24"))),
                        List.of(new FirewallRule("-1", -1, -1, List.of(cidr)))), Duration.ofSeconds(60), listeners, groups);

        plane.apply(closed);
        awaitHealth(closed, HaproxyDataPlaneIT::allHealthy);
        assertThat(reaches(address(1, 10), 80)).as("not admitted by its group").isFalse();

        LoadBalancer open = alb(id, listeners, groups);
        plane.apply(open);
        assertThat(get(address(1, 10), "/").body()).isEqualTo("A");
        assertThat(reaches(a.address(), 8080)).as("the target straight from the host").isFalse();
    }

    private static boolean reaches(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aDeregisteredTargetDrainsAndAFailingTargetGetsNoTraffic() throws Exception {
        Server a = httpServer(1, 41, "A", 8080);
        Server b = httpServer(1, 42, "B", 8080);
        Server c = httpServer(2, 43, "C", 8080);
        String id = newLoadBalancerId();
        List<Listener> listeners = List.of(new Listener(80, Protocol.HTTP, Forward.to("one"), List.of()));
        LoadBalancer all = alb(id, listeners, List.of(httpGroup("one", Duration.ofSeconds(30),
                a.target(8080), b.target(8080), c.target(8080))));
        plane.apply(all);
        awaitHealth(all, HaproxyDataPlaneIT::allHealthy);

        // C's health check answers 404 from now on.
        Files.delete(c.root().resolve("health"));
        awaitHealth(all, health -> of(health, c.target(8080)).map(TargetHealth::state).orElseThrow() == State.UNHEALTHY);
        TargetHealth failing = of(plane.targetHealth(all), c.target(8080)).orElseThrow();
        assertThat(failing.reason()).isEqualTo(Reason.RESPONSE_CODE_MISMATCH);
        assertThat(failing.description()).isEqualTo("Health checks failed with these codes: [404]");
        for (int i = 0; i < 10; i++) {
            assertThat(get(address(1, 10), "/").body()).isIn("A", "B");
        }

        LoadBalancer withoutB = alb(id, listeners, List.of(httpGroup("one", Duration.ofSeconds(30), a.target(8080), c.target(8080))));
        Optional<java.time.Instant> revisit = plane.apply(withoutB);
        assertThat(revisit).as("a drain asks to be looked at again").isPresent();
        assertThat(of(plane.targetHealth(withoutB), b.target(8080)).orElseThrow())
                .extracting(TargetHealth::state, TargetHealth::reason).containsExactly(State.DRAINING, Reason.DEREGISTRATION_IN_PROGRESS);
        for (int i = 0; i < 10; i++) {
            assertThat(get(address(1, 10), "/").body()).as("no new request to a draining target").isEqualTo("A");
        }
        // No request in flight: the drain ends before its delay.
        applyUntilSettled(withoutB);
        assertThat(of(plane.targetHealth(withoutB), b.target(8080))).isEmpty();

        // Registered again, it waits for its checks before it takes traffic.
        plane.apply(all);
        assertThat(of(plane.targetHealth(all), b.target(8080)).orElseThrow().state()).isEqualTo(State.INITIAL);
        awaitHealth(all, health -> of(health, b.target(8080)).orElseThrow().state() == State.HEALTHY);
    }

    @Test
    void aNetworkLoadBalancerPassesTcpThrough() throws Exception {
        Server echo = echoServer(1, 51, 7000);
        TargetGroup group = new TargetGroup("echo", Protocol.TCP, 7000, FAST_TCP, Duration.ZERO,
                TargetGroup.Algorithm.ROUND_ROBIN, List.of(echo.target(7000)));
        LoadBalancer nlb = new LoadBalancer(newLoadBalancerId(), LoadBalancer.Type.NETWORK, List.of(nic(1, 11)),
                SecurityGroups.NONE, Duration.ofSeconds(60),
                List.of(new Listener(7000, Protocol.TCP, Forward.to("echo"), List.of())), List.of(group));

        plane.apply(nlb);
        awaitHealth(nlb, HaproxyDataPlaneIT::allHealthy);

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address(1, 11), 7000), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("hello through the NLB\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[22];
            int read = 0;
            while (read < answer.length) {
                int n = in.read(answer, read, answer.length - read);
                assertThat(n).as("echo answered").isPositive();
                read += n;
            }
            assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("hello through the NLB\n");
        }
    }

    @Test
    void ruleChangesApplyWithoutDroppingARequestAndKeepTheTargets() throws Exception {
        Server a = httpServer(1, 61, "A", 8080);
        Server b = httpServer(2, 62, "B", 8080);
        String id = newLoadBalancerId();
        List<TargetGroup> groups = List.of(httpGroup("one", Duration.ofSeconds(30), a.target(8080), b.target(8080)));
        LoadBalancer lb = alb(id, List.of(new Listener(80, Protocol.HTTP, Forward.to("one"), List.of())), groups);
        plane.apply(lb);
        awaitHealth(lb, HaproxyDataPlaneIT::allHealthy);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> response = get(address(1, 10), "/");
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        for (int reload = 1; reload <= 5; reload++) {
            lb = alb(id, List.of(new Listener(80, Protocol.HTTP, Forward.to("one"), List.of(
                    new Rule(reload, List.of(new PathPattern(List.of("/r" + reload))), new FixedResponse(200, null, "rule " + reload))))), groups);
            int before = ok.get();
            plane.apply(lb);
            // A keep-alive connection the old worker still holds answers its next request with the old
            // rules before it closes (as ALB applies a rule change within moments, not at once).
            String path = "/r" + reload;
            String expected = "rule " + reload;
            Awaitility.await().atMost(PATIENCE).until(() -> get(address(1, 10), path).body().equals(expected));
            Awaitility.await().atMost(PATIENCE).until(() -> ok.get() > before + 20);
        }
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }

        assertThat(failures).as("failed requests of " + ok.get()).isEmpty();
        assertThat(plane.targetHealth(lb)).as("targets kept across reloads").hasSize(2).allMatch(h -> h.state() == State.HEALTHY);
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            answers.merge(get(address(1, 10), "/").body(), 1, Integer::sum);
        }
        assertThat(answers).containsOnlyKeys("A", "B");
    }

    @Test
    void aNewDriverAdoptsTheRunningLoadBalancerAndItsRemovalLeavesNothingBehind() throws Exception {
        Server a = httpServer(1, 71, "A", 8080);
        Server b = httpServer(2, 72, "B", 8080);
        String id = newLoadBalancerId();
        List<Listener> listeners = List.of(new Listener(80, Protocol.HTTP, Forward.to("one"), List.of()));
        LoadBalancer lb = alb(id, listeners, List.of(httpGroup("one", Duration.ofSeconds(30), a.target(8080), b.target(8080))));
        plane.apply(lb);
        awaitHealth(lb, HaproxyDataPlaneIT::allHealthy);
        String master = Files.readString(runRoot.resolve(id).resolve("haproxy.pid")).strip();

        // Berth restarts: a new driver, knowing nothing, finds it serving.
        plane = new HaproxyDataPlane(runRoot, taskNetwork, Clock.systemUTC());
        assertThat(plane.present()).contains(id);
        assertThat(plane.targetHealth(lb)).hasSize(2).allMatch(h -> h.state() == State.HEALTHY);
        plane.apply(lb);
        assertThat(Files.readString(runRoot.resolve(id).resolve("haproxy.pid")).strip()).as("not restarted").isEqualTo(master);
        assertThat(get(address(1, 10), "/").statusCode()).isEqualTo(200);

        LoadBalancer withoutB = alb(id, listeners, List.of(httpGroup("one", Duration.ofSeconds(30), a.target(8080))));
        applyUntilSettled(withoutB);
        assertThat(plane.targetHealth(withoutB)).extracting(TargetHealth::target).containsExactly(a.target(8080));

        plane.remove(id);
        loadBalancers.remove(id);
        assertThat(plane.present()).doesNotContain(id);
        assertThat(Path.of("/run/netns", LoadBalancer.namespaceOf(id))).doesNotExist();
        assertThat(ProcessHandle.of(Long.parseLong(master))).isEmpty();
        assertThat(runRoot.resolve(id)).doesNotExist();
        for (LbInterface nic : lb.interfaces()) {
            assertThat(Path.of("/sys/class/net", LbNetwork.hostEnd(id, nic))).doesNotExist();
        }
        assertThat(reaches(address(1, 10), 80)).isFalse();
        assertThat(plane.targetHealth(lb)).extracting(TargetHealth::state).containsOnly(State.UNAVAILABLE);
    }
}
