package io.berth.ec2;

import io.berth.ec2.Ec2Documents.RegionDefaults;

import java.util.List;

/**
 * What every AWS account finds in a region it has not touched: a default VPC 172.31.0.0/16 with
 * its "default" security group, main route table and default network ACL and, in each
 * availability zone, a default /20 subnet that gives instances public addresses. Berth has no
 * internet gateways, so the main route table has only the local route, not AWS's route to the
 * default VPC's gateway; DNS hostnames are on, as in AWS's default VPC.
 */
final class DefaultVpc {

    static final String CIDR = "172.31.0.0/16";
    private static final int SUBNET_PREFIX = 20;

    private DefaultVpc() {
    }

    static void create(Ec2Documents ec2, Ec2Ids ids) {
        String dhcpOptionsId = ids.next("dopt");
        StoredVpc vpc = Vpcs.newVpc(ec2, ids, Cidr.parse(CIDR).orElseThrow(), "default", dhcpOptionsId, true,
                List.of());
        ec2.saveDefaults(new RegionDefaults(vpc.vpcId(), dhcpOptionsId));
        Cidr block = vpc.cidr();
        long subnetSize = 1L << (32 - SUBNET_PREFIX);
        List<Regions.Zone> zones = Regions.zones(ec2.region());
        for (int i = 0; i < zones.size(); i++) {
            Cidr subnet = new Cidr(block.network() + i * subnetSize, SUBNET_PREFIX);
            StoredSubnet created = Subnets.newSubnet(ec2, ids, vpc, subnet, zones.get(i), true, List.of());
            ec2.save(Ec2Kind.SUBNET, created);
            NetworkAcls.associateWithDefault(ec2, ids, created);
        }
    }
}
