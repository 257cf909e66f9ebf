package io.berth.net;

import java.util.List;

/**
 * The awsvpc data plane seam: wires a task's interface into its network namespace, enforces its
 * security groups there, and removes what it made. {@link LinuxTaskNetwork} does it with the
 * kernel; {@link #ADDRESSES_ONLY} does nothing, for a Berth without the privileges, where tasks
 * still get their addresses in the API.
 */
public interface TaskNetwork {

    TaskNetwork ADDRESSES_ONLY = new TaskNetwork() {
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

    void attach(Attachment attachment);

    void detach(String taskId);

    /** Replaces the task's firewall, atomically, with its security groups' rules. */
    void applyFirewall(String namespace, List<FirewallRule> ingress, List<FirewallRule> egress);

    /** Removes a VPC's bridge once no task uses it. */
    void removeBridge(String vpcId);
}
