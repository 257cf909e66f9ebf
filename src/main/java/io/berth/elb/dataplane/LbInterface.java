package io.berth.elb.dataplane;

/**
 * The load balancer's interface in one of its subnets (an ELB-managed network interface in the
 * EC2 API): its address on the VPC's bridge, next to the tasks of that VPC.
 *
 * @param gateway the subnet's first usable address, which the VPC's bridge holds on the host
 */
public record LbInterface(String subnetId, String vpcId, String vpcCidr, String address, int prefixLength,
                          String gateway, String macAddress) {
}
