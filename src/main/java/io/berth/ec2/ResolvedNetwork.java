package io.berth.ec2;

import java.util.List;

/**
 * Where a task's interface goes, as {@link Networks#resolveForTask} settled it: the VPC, the
 * subnet chosen, its gateway (the subnet's first usable address, AWS's VPC router) and the
 * security groups the interface joins.
 */
public record ResolvedNetwork(String vpcId, String vpcCidr, String subnetId, String subnetCidr,
                              String availabilityZone, String gateway, List<String> securityGroupIds) {

    public ResolvedNetwork {
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    public int prefixLength() {
        return Cidr.parse(subnetCidr).orElseThrow().prefixLength();
    }
}
