package io.berth.net;

/**
 * One task's elastic network interface as the data plane wires it: the task's network
 * namespace (a path such as /proc/PID/ns/net), its VPC, and its address in a subnet.
 *
 * @param prefixLength the subnet's prefix length
 * @param gateway      the subnet's first usable address, held by the VPC's bridge on the host
 */
public record Attachment(String taskId, String namespace, String vpcId, String vpcCidr, String address,
                         int prefixLength, String gateway, String macAddress) {
}
