package io.berth.net;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The awsvpc data plane on this machine, with namespaces the test makes itself: addresses on a
 * VPC bridge, reachability within a VPC and from the host, isolation between VPCs, and security
 * groups enforced statefully. All traffic stays inside these namespaces and bridges.
 */
class LinuxTaskNetworkIT {

    private final LinuxTaskNetwork network = new LinuxTaskNetwork();
    private final String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> servers = new ArrayList<>();
    private final List<String> tasks = new ArrayList<>();
    private final List<String> vpcs = new ArrayList<>();

    @BeforeEach
    void requireRoot() {
        assertThat(System.getProperty("user.name")).as("the data plane needs root").isEqualTo("root");
    }

    @AfterEach
    void cleanUp() {
        servers.forEach(Process::destroyForcibly);
        tasks.forEach(network::detach);
        vpcs.forEach(network::removeBridge);
        namespaces.forEach(ns -> Commands.tolerate("ip", "netns", "del", ns));
    }

    private Attachment task(String vpc, String vpcCidr, String address, String gateway) {
        String name = "berthtest-" + suffix + "-" + namespaces.size();
        Commands.run("ip", "netns", "add", name);
        namespaces.add(name);
        String taskId = String.format("%06x", namespaces.size()) + suffix + "00000000000000000000";
        tasks.add(taskId);
        if (!vpcs.contains(vpc)) {
            vpcs.add(vpc);
        }
        Attachment attachment = new Attachment(taskId, "/run/netns/" + name, vpc, vpcCidr, address, 24, gateway,
                String.format("02:00:00:%02x:%02x:%02x", namespaces.size(), 1, 2));
        network.attach(attachment);
        return attachment;
    }

    private void serve(Attachment task, int port) throws IOException {
        String name = task.namespace().substring(task.namespace().lastIndexOf('/') + 1);
        servers.add(new ProcessBuilder("ip", "netns", "exec", name, "busybox", "nc", "-ll", "-p", String.valueOf(port),
                "-e", "echo", "pong").redirectErrorStream(true).start());
    }

    private static boolean reaches(Attachment from, Attachment to, int port) {
        List<String> command = new ArrayList<>();
        if (from != null) {
            command.addAll(List.of("nsenter", "--net=" + from.namespace()));
        }
        command.addAll(List.of("busybox", "nc", "-w", "1", to.address(), String.valueOf(port)));
        try {
            return Commands.run(command, "").contains("pong");
        } catch (NetworkException e) {
            return false;
        }
    }

    @Test
    void tasksOfAVpcReachEachOtherAndTheHostReachesThemButOtherVpcsDoNot() throws IOException {
        String vpc = "vpc-" + suffix + "aaaaaaaaaaaa";
        String other = "vpc-" + suffix + "bbbbbbbbbbbb";
        Attachment server = task(vpc, "10.213.0.0/16", "10.213.1.11", "10.213.1.1");
        Attachment client = task(vpc, "10.213.0.0/16", "10.213.2.12", "10.213.2.1");
        Attachment stranger = task(other, "10.214.0.0/16", "10.214.1.13", "10.214.1.1");
        serve(server, 8080);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> reaches(null, server, 8080));

        assertThat(reaches(client, server, 8080)).as("same VPC, other subnet").isTrue();
        assertThat(reaches(stranger, server, 8080)).as("other VPC").isFalse();
    }

    @Test
    void securityGroupsAreEnforcedStatefully() throws IOException {
        String vpc = "vpc-" + suffix + "cccccccccccc";
        Attachment server = task(vpc, "10.215.0.0/16", "10.215.1.11", "10.215.1.1");
        Attachment allowed = task(vpc, "10.215.0.0/16", "10.215.1.12", "10.215.1.1");
        Attachment denied = task(vpc, "10.215.0.0/16", "10.215.1.13", "10.215.1.1");
        serve(server, 8080);
        List<FirewallRule> allowAllOut = List.of(new FirewallRule("-1", -1, -1, List.of("0.0.0.0/0")));
        network.applyFirewall(server.namespace(),
                List.of(new FirewallRule("tcp", 8080, 8080, List.of("10.215.1.12/32"))), allowAllOut);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> reaches(allowed, server, 8080));

        assertThat(reaches(denied, server, 8080)).as("not in the rule").isFalse();
        assertThat(reaches(null, server, 8080)).as("the host is not allowed either").isFalse();

        network.applyFirewall(server.namespace(), List.of(), allowAllOut);
        assertThat(reaches(allowed, server, 8080)).as("rule revoked").isFalse();
        network.applyFirewall(server.namespace(),
                List.of(new FirewallRule("tcp", 8000, 9000, List.of("10.215.0.0/16"))), List.of());
        assertThat(reaches(denied, server, 8080)).as("replies pass even with no egress rule").isTrue();
    }
}
