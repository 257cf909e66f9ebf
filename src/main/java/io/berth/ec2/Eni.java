package io.berth.ec2;

import java.util.List;

/**
 * A task's elastic network interface: what the ECS task attachment reports and what the data
 * plane wires. {@code attachmentId} is the ECS attachment's UUID.
 */
public record Eni(String networkInterfaceId, String attachmentId, String taskArn, String vpcId, String vpcCidr,
                  String subnetId, String subnetCidr, String availabilityZone, String privateIpv4Address,
                  String gateway, String macAddress, String privateDnsName, List<String> securityGroupIds) {

    public Eni {
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    public int prefixLength() {
        return Cidr.parse(subnetCidr).orElseThrow().prefixLength();
    }
}
