package io.berth.ec2;

import io.berth.store.StoredTag;

import java.util.List;

/**
 * A route table as the store keeps it and DescribeRouteTables shows it. Every VPC has one main
 * route table, made and deleted with the VPC, whose one route is the {@code local} route for the
 * VPC's CIDR; subnets without an association of their own use it implicitly, as in EC2.
 */
record StoredRouteTable(String routeTableId, String ownerId, String vpcId, List<Route> routes,
                        List<Association> associations, List<StoredTag> tags) implements Tagged<StoredRouteTable> {

    /** The gateway of the route every VPC has to its own CIDR. */
    static final String LOCAL_GATEWAY = "local";

    /** A route: a destination and its target. Berth's routes are the VPC's own, always active. */
    record Route(String destinationCidrBlock, String gatewayId, String origin, String state) {
    }

    /** The main association (no subnet), or a subnet's explicit association. */
    record Association(String routeTableAssociationId, boolean main, String subnetId) {
    }

    @Override
    public String id() {
        return routeTableId;
    }

    @Override
    public StoredRouteTable withTags(List<StoredTag> newTags) {
        return new StoredRouteTable(routeTableId, ownerId, vpcId, routes, associations, newTags);
    }

    boolean main() {
        return associations.stream().anyMatch(Association::main);
    }
}
