package io.berth.elb;

import java.util.Map;
import java.util.Optional;

/**
 * The Route 53 hosted zone ids AWS publishes for load balancers' DNS names, per region: one for
 * application load balancers, one for network load balancers (AWS General Reference, "Elastic
 * Load Balancing endpoints and quotas").
 */
final class HostedZones {

    private record Zones(String application, String network) {
    }

    private static final Map<String, Zones> BY_REGION = Map.ofEntries(
            Map.entry("us-east-1", new Zones("Z35SXDOTRQ7X7K", "Z26RNL4JYFTOTI")),
            Map.entry("us-east-2", new Zones("Z3AADJGX6KTTL2", "ZLMOA37VPKANP")),
            Map.entry("us-west-1", new Zones("Z368ELLRRE2KJ0", "Z24FKFUX50B4VW")),
            Map.entry("us-west-2", new Zones("Z1H1FL5HABSF5", "Z18D5FSROUN65G")),
            Map.entry("ca-central-1", new Zones("ZQSVJUPU6J1EY", "Z2EPGBW3API2WT")),
            Map.entry("eu-central-1", new Zones("Z215JYRZR1TBD5", "Z3F0SRJ5LGBH90")),
            Map.entry("eu-west-1", new Zones("Z32O12XQLNTSW2", "Z2IFOLAFXWLO4F")),
            Map.entry("eu-west-2", new Zones("ZHURV8PSTC4K8", "ZD4D7Y8KGAS4G")),
            Map.entry("eu-west-3", new Zones("Z3Q77PNBQS71R4", "Z1CMS0P5QUZ6D5")),
            Map.entry("eu-north-1", new Zones("Z23TAZ7KKHYAFO", "Z1UDT6IFJ4EJM")),
            Map.entry("ap-northeast-1", new Zones("Z14GRHDCWA56QT", "Z31USIVHYNEOWT")),
            Map.entry("ap-northeast-2", new Zones("ZWKZPGTI48KDX", "ZIBE1TIR4HY56")),
            Map.entry("ap-northeast-3", new Zones("Z5LXEXXYW11ES", "Z1GWIQ4HH19I5X")),
            Map.entry("ap-south-1", new Zones("ZP97RAFLXTNZK", "ZVDDRBQ08TROA")),
            Map.entry("ap-southeast-1", new Zones("Z1LMS91P8CMLE5", "ZKVM4W9LS7TM")),
            Map.entry("ap-southeast-2", new Zones("Z1GM3OXH4ZPM65", "ZCT6FZBF4DROD")),
            Map.entry("sa-east-1", new Zones("Z2P70J7HTTTPLU", "ZTK26PT1VY4CU")));

    private HostedZones() {
    }

    /** The zone of a load balancer of {@code type} in {@code region}; empty for a region AWS lists none for here. */
    static Optional<String> of(String region, String type) {
        return Optional.ofNullable(BY_REGION.get(region))
                .map(zones -> "network".equals(type) ? zones.network() : zones.application());
    }
}
