package io.berth.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;

/**
 * The awsvpc data plane on Linux: one bridge per VPC holding its subnets' gateway addresses on
 * the host; one veth pair per task, its inner end renamed eth0 in the task's namespace with the
 * task's address and MAC; security groups as a stateful iptables ruleset inside that namespace.
 * Every interface Berth makes is named with a Berth prefix (bv… bridges, bt… task ends) so it
 * can be found and cleaned. The host does not route between bridges (VPCs stay apart); tasks of
 * one VPC reach each other across subnets directly on its bridge.
 */
public final class LinuxTaskNetwork implements TaskNetwork {

    static final String BRIDGE_PREFIX = "bv";
    static final String TASK_PREFIX = "bt";
    static final String ISOLATION_CHAIN = "BERTH-VPC";
    private static final String RESTORE = Files.isExecutable(Path.of("/usr/sbin/iptables-legacy-restore"))
            ? "iptables-legacy-restore" : "iptables-restore";

    /**
     * The agent address sits on the host's loopback; tasks reach it through their gateway like any
     * host address. The host never routes into or out of a VPC bridge, whatever its ip_forward
     * setting, while frames bridged within one pass even where the FORWARD policy drops (Docker
     * sets it so): both in the chain BERTH-VPC, jumped to first from FORWARD.
     */
    @Override
    public Optional<InetAddress> prepareHost() {
        Commands.run("ip", "addr", "replace", AGENT_ADDRESS + "/32", "dev", "lo", "label", "lo:berth");
        // Replaced whole in one transaction: several Berths on one host may do this at once.
        String bridges = BRIDGE_PREFIX + "+";
        Commands.run(List.of("iptables-restore", "-w", "--noflush"), "*filter\n:" + ISOLATION_CHAIN + " - [0:0]\n"
                + "-A " + ISOLATION_CHAIN + " -i " + bridges + " -m physdev --physdev-is-bridged -j ACCEPT\n"
                + "-A " + ISOLATION_CHAIN + " -i " + bridges + " -j DROP\n"
                + "-A " + ISOLATION_CHAIN + " -o " + bridges + " -j DROP\nCOMMIT\n");
        if (!Commands.run("iptables", "-w", "-S", "FORWARD").contains("-j " + ISOLATION_CHAIN)) {
            Commands.run("iptables", "-w", "-I", "FORWARD", "1", "-j", ISOLATION_CHAIN);
        }
        try {
            return Optional.of(InetAddress.getByName(AGENT_ADDRESS));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One iproute2 batch on the host (the bridge when new, the gateway, the veth pair made with its
     * inner end already eth0 in the task's namespace) and one inside it (address, routes): each
     * process costs milliseconds, and a launch waits for them.
     */
    @Override
    public void attach(Attachment attachment) {
        String bridge = bridgeName(attachment.vpcId());
        String hostEnd = hostEnd(attachment.taskId());
        StringBuilder host = new StringBuilder();
        if (!Files.exists(Path.of("/sys/class/net", bridge))) {
            host.append("link add ").append(bridge).append(" type bridge\n");
        }
        host.append("link set ").append(bridge).append(" up\n");
        host.append("addr replace ").append(attachment.gateway()).append('/').append(attachment.prefixLength())
                .append(" dev ").append(bridge).append('\n');
        if (Files.exists(Path.of("/sys/class/net", hostEnd))) {
            // Left by a launch cut short: its inner end goes with it.
            host.append("link del ").append(hostEnd).append('\n');
        }
        host.append("link add ").append(hostEnd).append(" master ").append(bridge).append(" up type veth peer name eth0")
                .append(" netns ").append(namespaceTarget(attachment.namespace()))
                .append(" address ").append(attachment.macAddress()).append('\n');
        Commands.run(List.of("ip", "-batch", "-"), host.toString());
        // Other subnets of the VPC are on the same bridge: reached directly, not through the host.
        String inside = "addr add " + attachment.address() + "/" + attachment.prefixLength() + " dev eth0\n"
                + "link set eth0 up\nlink set lo up\n"
                + "route replace default via " + attachment.gateway() + "\n"
                + "route replace " + attachment.vpcCidr() + " dev eth0\n";
        Commands.run(List.of("nsenter", "--net=" + attachment.namespace(), "ip", "-batch", "-"), inside);
    }

    @Override
    public void detach(String taskId) {
        Commands.tolerate("ip", "link", "del", hostEnd(taskId));
    }

    /** The legacy (xtables) restore where installed: it takes a few milliseconds where nftables' takes tens. */
    @Override
    public void applyFirewall(String namespace, List<FirewallRule> ingress, List<FirewallRule> egress) {
        List<String> command = new ArrayList<>(List.of("nsenter", "--net=" + namespace, RESTORE, "-w"));
        Commands.run(command, FirewallRules.render(ingress, egress));
    }

    @Override
    public void removeBridge(String vpcId) {
        Commands.tolerate("ip", "link", "del", bridgeName(vpcId));
    }

    /** The bridge of a VPC, which load balancers' interfaces join too. */
    public static String bridgeName(String vpcId) {
        String id = vpcId.replace("vpc-", "");
        return BRIDGE_PREFIX + id.substring(Math.max(0, id.length() - 12));
    }

    static String hostEnd(String taskId) {
        return TASK_PREFIX + taskId.substring(0, 12);
    }

    /** What {@code ip link set … netns} takes: a PID for /proc/PID/ns/net, a name for a named namespace. */
    private static String namespaceTarget(String namespace) {
        if (namespace.startsWith("/proc/")) {
            return namespace.split("/")[2];
        }
        return namespace.substring(namespace.lastIndexOf('/') + 1);
    }
}
