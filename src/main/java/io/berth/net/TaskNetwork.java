package io.berth.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The awsvpc data plane seam: wires a task's interface into its network namespace, enforces its
 * security groups there, and removes what it made. {@link LinuxTaskNetwork} does it with the
 * kernel; {@link #ADDRESSES_ONLY} does nothing, for a Berth without the privileges, where tasks
 * still get their addresses in the API.
 */
public interface TaskNetwork {

    /** The link-local address tasks reach Berth's agent endpoint at, as they reach the ECS agent on Fargate. */
    String AGENT_ADDRESS = "169.254.170.2";

    TaskNetwork ADDRESSES_ONLY = new TaskNetwork() {
        @Override
        public Optional<InetAddress> prepareHost() {
            return Optional.empty();
        }

        @Override
        public void attach(Attachment attachment) {
        }

        @Override
        public void detach(String taskId) {
        }

        @Override
        public void applyFirewall(String namespace, List<FirewallRule> ingress, List<FirewallRule> egress) {
        }

        @Override
        public void removeBridge(String vpcId) {
        }
    };

    /**
     * Makes the host ready for task networks, once at start; answers the host address tasks reach
     * Berth at, ready to listen on, or empty when tasks have no network.
     */
    Optional<InetAddress> prepareHost();

    void attach(Attachment attachment);

    void detach(String taskId);

    /** Replaces the task's firewall, atomically, with its security groups' rules. */
    void applyFirewall(String namespace, List<FirewallRule> ingress, List<FirewallRule> egress);

    /** Removes a VPC's bridge once no task uses it. */
    void removeBridge(String vpcId);
}
