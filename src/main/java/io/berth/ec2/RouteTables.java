package io.berth.ec2;

import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.ec2.StoredRouteTable.Association;
import io.berth.ec2.StoredRouteTable.Route;
import io.berth.edge.RequestContext;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * DescribeRouteTables. Berth's route tables are the main route table each VPC is made with: its
 * one route is the {@code local} route to the VPC's CIDR, and it goes when the VPC goes.
 */
final class RouteTables {

    static final String ROUTE_ORIGIN = "CreateRouteTable";
    static final String ROUTE_STATE = "active";
    private static final Ec2Paging.Bounds BOUNDS = new Ec2Paging.Bounds(5, 100, "routeTableIds");
    private static final Filters<StoredRouteTable> FILTERS = Filters.<StoredRouteTable>builder()
            .field("route-table-id", StoredRouteTable::routeTableId)
            .field("vpc-id", StoredRouteTable::vpcId)
            .field("owner-id", StoredRouteTable::ownerId)
            .fields("association.route-table-association-id",
                    associations(Association::routeTableAssociationId))
            .fields("association.route-table-id", t -> t.associations().stream().map(a -> t.routeTableId()).toList())
            .fields("association.subnet-id", associations(Association::subnetId))
            .fields("association.main", associations(a -> Boolean.toString(a.main())))
            .fields("route.destination-cidr-block", routes(Route::destinationCidrBlock))
            .fields("route.gateway-id", routes(Route::gatewayId))
            .fields("route.origin", routes(Route::origin))
            .fields("route.state", routes(Route::state))
            .absent("association.gateway-id", "route.destination-ipv6-cidr-block", "route.destination-prefix-list-id",
                    "route.egress-only-internet-gateway-id", "route.instance-id", "route.nat-gateway-id",
                    "route.transit-gateway-id", "route.vpc-peering-connection-id")
            .tags(StoredRouteTable::tags)
            .build();

    private final Ec2State state;

    RouteTables(Ec2State state) {
        this.state = state;
    }

    /** A VPC's main route table, with the local route to its CIDR. */
    static StoredRouteTable newMainRouteTable(Ec2Documents ec2, Ec2Ids ids, StoredVpc vpc) {
        String id = ids.next("rtb");
        return new StoredRouteTable(id, ec2.accountId(), vpc.vpcId(),
                List.of(new Route(vpc.cidrBlock(), StoredRouteTable.LOCAL_GATEWAY, ROUTE_ORIGIN, ROUTE_STATE)),
                List.of(new Association(ids.next("rtbassoc"), true, null)), List.of());
    }

    Page<StoredRouteTable> describeRouteTables(RequestContext context, DescribeRequest request) {
        Ec2Paging.validate(request, BOUNDS);
        return state.read(context.accountId(), context.region(), ec2 -> ec2.describe(Ec2Kind.ROUTE_TABLE, request, BOUNDS,
                FILTERS.matcher(request.filters()), Ec2Errors::routeTableNotFound));
    }

    private static Function<StoredRouteTable, List<String>> associations(Function<Association, String> value) {
        return t -> t.associations().stream().map(value).filter(Objects::nonNull).toList();
    }

    private static Function<StoredRouteTable, List<String>> routes(Function<Route, String> value) {
        return t -> t.routes().stream().map(value).filter(Objects::nonNull).toList();
    }
}
