package io.berth.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
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

    @Override
    public void attach(Attachment attachment) {
        String bridge = bridgeName(attachment.vpcId());
        ensureBridge(bridge, attachment.gateway(), attachment.prefixLength());
        String hostEnd = hostEnd(attachment.taskId());
        String peer = "bp" + hostEnd.substring(TASK_PREFIX.length());
        Commands.tolerate("ip", "link", "del", hostEnd);
        Commands.run("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", peer);
        Commands.run("ip", "link", "set", peer, "netns", namespaceTarget(attachment.namespace()));
        Commands.run("ip", "link", "set", hostEnd, "master", bridge);
        Commands.run("ip", "link", "set", hostEnd, "up");
        inside(attachment.namespace(), "ip", "link", "set", peer, "name", "eth0");
        inside(attachment.namespace(), "ip", "link", "set", "eth0", "address", attachment.macAddress());
        inside(attachment.namespace(), "ip", "addr", "add", attachment.address() + "/" + attachment.prefixLength(), "dev", "eth0");
        inside(attachment.namespace(), "ip", "link", "set", "eth0", "up");
        inside(attachment.namespace(), "ip", "link", "set", "lo", "up");
        inside(attachment.namespace(), "ip", "route", "replace", "default", "via", attachment.gateway());
        // Other subnets of the VPC are on the same bridge: reached directly, not through the host.
        inside(attachment.namespace(), "ip", "route", "replace", attachment.vpcCidr(), "dev", "eth0");
    }

    @Override
    public void detach(String taskId) {
        Commands.tolerate("ip", "link", "del", hostEnd(taskId));
    }

    @Override
    public void applyFirewall(String namespace, List<FirewallRule> ingress, List<FirewallRule> egress) {
        List<String> command = new ArrayList<>(List.of("nsenter", "--net=" + namespace, "iptables-restore"));
        Commands.run(command, FirewallRules.render(ingress, egress));
    }

    @Override
    public void removeBridge(String vpcId) {
        Commands.tolerate("ip", "link", "del", bridgeName(vpcId));
    }

    static String bridgeName(String vpcId) {
        String id = vpcId.replace("vpc-", "");
        return BRIDGE_PREFIX + id.substring(Math.max(0, id.length() - 12));
    }

    static String hostEnd(String taskId) {
        return TASK_PREFIX + taskId.substring(0, 12);
    }

    private static void ensureBridge(String bridge, String gateway, int prefixLength) {
        if (!Commands.run("ip", "-o", "link", "show", "type", "bridge").contains(" " + bridge + ":")) {
            Commands.run("ip", "link", "add", bridge, "type", "bridge");
        }
        Commands.run("ip", "link", "set", bridge, "up");
        Commands.run("ip", "addr", "replace", gateway + "/" + prefixLength, "dev", bridge);
    }

    private static void inside(String namespace, String... command) {
        List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + namespace));
        full.addAll(List.of(command));
        Commands.run(full, null);
    }

    /** What {@code ip link set … netns} takes: a PID for /proc/PID/ns/net, a name for a named namespace. */
    private static String namespaceTarget(String namespace) {
        if (namespace.startsWith("/proc/")) {
            return namespace.split("/")[2];
        }
        return namespace.substring(namespace.lastIndexOf('/') + 1);
    }
}
