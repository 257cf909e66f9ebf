package io.berth.elb.dataplane;

import io.berth.net.Commands;
import io.berth.net.FirewallRule;
import io.berth.net.LinuxTaskNetwork;
import io.berth.net.TaskNetwork;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A load balancer's network: a named namespace {@code berth-lb-ID} with, for each subnet, a veth
 * whose host end ({@code bl…}) sits on the VPC's bridge next to the tasks' and whose inner end
 * ({@code e…}) holds the load balancer's address there; its security groups enforced inside as
 * for a task. Removing the namespace removes the veths with it. Nothing else on the host changes
 * but the VPC's bridge, made as the task network makes it when no task made it yet.
 */
final class LbNetwork {

    static final String HOST_PREFIX = "bl";
    private static final List<FirewallRule> OPEN = List.of(new FirewallRule("-1", -1, -1, List.of("0.0.0.0/0")));
    private final TaskNetwork taskNetwork;

    LbNetwork(TaskNetwork taskNetwork) {
        this.taskNetwork = taskNetwork;
    }

    static Path namespacePath(String loadBalancerId) {
        return Path.of("/run/netns", LoadBalancer.namespaceOf(loadBalancerId));
    }

    /** Creates what is missing and removes interfaces of subnets the load balancer left; idempotent. */
    void ensure(LoadBalancer lb) {
        String namespace = lb.namespace();
        if (!Files.exists(namespacePath(lb.id()))) {
            Commands.run("ip", "netns", "add", namespace);
        }
        // Its interfaces share one bridge: each answers ARP only for its own address.
        Commands.run("ip", "netns", "exec", namespace, "sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1",
                "net.ipv4.conf.all.arp_announce=2");
        Set<String> present = links(namespace);
        List<LbInterface> interfaces = lb.interfaces().stream().sorted(Comparator.comparing(LbInterface::subnetId)).toList();
        Set<String> wanted = interfaces.stream().map(LbNetwork::innerName).collect(Collectors.toSet());
        StringBuilder host = new StringBuilder();
        StringBuilder inside = new StringBuilder("link set lo up\n");
        for (String name : present) {
            if (name.startsWith("e") && !wanted.contains(name)) {
                inside.append("link del ").append(name).append('\n');
            }
        }
        for (LbInterface nic : interfaces) {
            String inner = innerName(nic);
            if (present.contains(inner)) {
                continue;
            }
            // As the task network makes a VPC's bridge: the subnet's gateway address on it.
            String bridge = LinuxTaskNetwork.bridgeName(nic.vpcId());
            if (!Files.exists(Path.of("/sys/class/net", bridge)) && !host.toString().contains("link add " + bridge + " ")) {
                host.append("link add ").append(bridge).append(" type bridge\n");
            }
            host.append("link set ").append(bridge).append(" up\n");
            host.append("addr replace ").append(nic.gateway()).append('/').append(nic.prefixLength())
                    .append(" dev ").append(bridge).append('\n');
            String hostEnd = hostEnd(lb.id(), nic);
            if (Files.exists(Path.of("/sys/class/net", hostEnd))) {
                host.append("link del ").append(hostEnd).append('\n');
            }
            host.append("link add ").append(hostEnd).append(" master ").append(bridge).append(" up type veth peer name ")
                    .append(inner).append(" netns ").append(namespace).append(" address ").append(nic.macAddress()).append('\n');
            inside.append("addr add ").append(nic.address()).append('/').append(nic.prefixLength()).append(" dev ")
                    .append(inner).append('\n').append("link set ").append(inner).append(" up\n");
        }
        if (!host.isEmpty()) {
            Commands.run(List.of("ip", "-batch", "-"), host.toString());
        }
        // Beyond its own subnets (targets elsewhere in the VPC, clients from the host) it goes
        // through its first interface, from that interface's address.
        LbInterface first = interfaces.getFirst();
        inside.append("route replace ").append(first.vpcCidr()).append(" dev ").append(innerName(first))
                .append(" src ").append(first.address()).append('\n');
        inside.append("route replace default via ").append(first.gateway()).append(" dev ").append(innerName(first))
                .append(" src ").append(first.address()).append('\n');
        Commands.run(List.of("ip", "-n", namespace, "-batch", "-"), inside.toString());
    }

    /** Replaces the namespace's firewall with the load balancer's security groups (none: all open). */
    void applyFirewall(LoadBalancer lb) {
        SecurityGroups groups = lb.securityGroups();
        taskNetwork.applyFirewall(namespacePath(lb.id()).toString(), groups.enforced() ? groups.ingress() : OPEN,
                groups.enforced() ? groups.egress() : OPEN);
    }

    /**
     * Deletes the veths first, each with its host peer, at once: the kernel tears a deleted
     * namespace down later, and its interfaces with it.
     */
    void remove(String loadBalancerId) {
        String namespace = LoadBalancer.namespaceOf(loadBalancerId);
        if (!Files.exists(namespacePath(loadBalancerId))) {
            return;
        }
        StringBuilder deletions = new StringBuilder();
        for (String name : links(namespace)) {
            if (!name.equals("lo")) {
                deletions.append("link del ").append(name).append('\n');
            }
        }
        if (!deletions.isEmpty()) {
            Commands.run(List.of("ip", "-n", namespace, "-batch", "-"), deletions.toString());
        }
        Commands.run("ip", "netns", "del", namespace);
    }

    private static Set<String> links(String namespace) {
        return Set.of(Commands.run("ip", "-n", namespace, "-o", "link", "show").lines()
                .map(line -> line.split(":")[1].trim().split("@")[0]).toArray(String[]::new));
    }

    static String innerName(LbInterface nic) {
        return "e" + shortHash(nic.subnetId());
    }

    static String hostEnd(String loadBalancerId, LbInterface nic) {
        return HOST_PREFIX + shortHash(loadBalancerId + "/" + nic.subnetId());
    }

    /** 12 hex digits: interface names have at most 15 characters. */
    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
