package io.berth.elb;

import io.berth.kit.PageTokens;
import io.berth.edge.RequestContext;
import io.berth.elb.ElbMessages.DescribeAccountLimitsRequest;
import io.berth.elb.ElbMessages.DescribeAccountLimitsResult;
import io.berth.elb.ElbMessages.Limit;

import java.util.Comparator;
import java.util.List;

/** DescribeAccountLimits: ELB's default quotas, as an account that never asked for more sees them. */
final class AccountLimits {

    static final List<Limit> DEFAULTS = List.of(
            new Limit("application-load-balancers", "50"),
            new Limit("target-groups", "3000"),
            new Limit("targets-per-application-load-balancer", "1000"),
            new Limit("listeners-per-application-load-balancer", "50"),
            new Limit("rules-per-application-load-balancer", "100"),
            new Limit("network-load-balancers", "50"),
            new Limit("targets-per-network-load-balancer", "3000"),
            new Limit("targets-per-availability-zone-per-network-load-balancer", "500"),
            new Limit("listeners-per-network-load-balancer", "50"),
            new Limit("condition-values-per-alb-rule", "5"),
            new Limit("condition-wildcards-per-alb-rule", "5"),
            new Limit("target-groups-per-application-load-balancer", "100"),
            new Limit("target-groups-per-action-on-application-load-balancer", "5"),
            new Limit("target-groups-per-action-on-network-load-balancer", "1"),
            new Limit("certificates-per-application-load-balancer", "25"),
            new Limit("certificates-per-network-load-balancer", "25"),
            new Limit("target-id-registrations-per-application-load-balancer", "1000"),
            new Limit("network-load-balancer-enis-per-vpc", "1200"),
            new Limit("gateway-load-balancers", "100"),
            new Limit("gateway-load-balancers-per-vpc", "100"),
            new Limit("geneve-target-groups", "100"),
            new Limit("targets-per-availability-zone-per-gateway-load-balancer", "300"));

    private AccountLimits() {
    }

    static DescribeAccountLimitsResult describeAccountLimits(RequestContext context, DescribeAccountLimitsRequest request) {
        List<Limit> sorted = DEFAULTS.stream().sorted(Comparator.comparing(Limit::name)).toList();
        PageTokens.Page<Limit> page = ElbPaging.page(sorted, Limit::name, request.marker(), request.pageSize());
        return new DescribeAccountLimitsResult(page.items(), page.nextToken());
    }
}
