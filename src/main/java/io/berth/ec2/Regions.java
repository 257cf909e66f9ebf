package io.berth.ec2;

import io.berth.ec2.Ec2Messages.DescribeAvailabilityZonesRequest;
import io.berth.ec2.Ec2Messages.DescribeRegionsRequest;
import io.berth.edge.RequestContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The regions EC2 lists (those enabled in every new account) and the availability zones Berth
 * gives each region: three, REGIONa to REGIONc, with zone ids in AWS's form (use1-az1).
 */
final class Regions {

    static final String OPT_IN_NOT_REQUIRED = "opt-in-not-required";

    private static final List<String> NAMES = List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-north-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2");
    private static final Map<String, String> DIRECTIONS = Map.of("north", "n", "south", "s", "east", "e",
            "west", "w", "central", "c", "northeast", "ne", "northwest", "nw", "southeast", "se", "southwest", "sw");
    private static final int ZONES = 3;

    record RegionInfo(String regionName, String endpoint, String optInStatus) {
    }

    record Zone(String zoneName, String zoneId, String regionName) {
    }

    private static final Filters<RegionInfo> REGION_FILTERS = Filters.<RegionInfo>builder()
            .field("region-name", RegionInfo::regionName)
            .field("endpoint", RegionInfo::endpoint)
            .field("opt-in-status", RegionInfo::optInStatus)
            .build();

    private static final Filters<Zone> ZONE_FILTERS = Filters.<Zone>builder()
            .field("zone-name", Zone::zoneName)
            .field("zone-id", Zone::zoneId)
            .field("region-name", Zone::regionName)
            .field("group-name", Zone::regionName)
            .field("state", z -> "available")
            .field("zone-type", z -> "availability-zone")
            .field("opt-in-status", z -> OPT_IN_NOT_REQUIRED)
            .absent("group-long-name", "message", "parent-zone-id", "parent-zone-name")
            .build();

    private Regions() {
    }

    static List<RegionInfo> describeRegions(RequestContext context, DescribeRegionsRequest request) {
        Predicate<RegionInfo> filter = REGION_FILTERS.matcher(request.filters());
        return NAMES.stream()
                .map(name -> new RegionInfo(name, "ec2." + name + ".amazonaws.com", OPT_IN_NOT_REQUIRED))
                .filter(r -> request.regionNames().isEmpty() || request.regionNames().contains(r.regionName()))
                .filter(filter)
                .toList();
    }

    static List<Zone> describeAvailabilityZones(RequestContext context, DescribeAvailabilityZonesRequest request) {
        Predicate<Zone> filter = ZONE_FILTERS.matcher(request.filters());
        return zones(context.region()).stream()
                .filter(z -> request.zoneNames().isEmpty() || request.zoneNames().contains(z.zoneName()))
                .filter(z -> request.zoneIds().isEmpty() || request.zoneIds().contains(z.zoneId()))
                .filter(filter)
                .toList();
    }

    static List<Zone> zones(String region) {
        String prefix = zoneIdPrefix(region);
        return IntStream.range(0, ZONES)
                .mapToObj(i -> new Zone(region + (char) ('a' + i), prefix + "-az" + (i + 1), region))
                .toList();
    }

    static Optional<Zone> zoneNamed(String region, String name) {
        return zones(region).stream().filter(z -> z.zoneName().equals(name)).findFirst();
    }

    static Optional<Zone> zoneWithId(String region, String id) {
        return zones(region).stream().filter(z -> z.zoneId().equals(id)).findFirst();
    }

    /** The id of a zone named as Berth names zones, the region's name and a letter. */
    static Optional<String> zoneId(String zoneName) {
        if (zoneName == null || zoneName.isEmpty()) {
            return Optional.empty();
        }
        return zoneNamed(zoneName.substring(0, zoneName.length() - 1), zoneName).map(Zone::zoneId);
    }

    /** us-east-1 → use1, eu-central-1 → euc1, ap-southeast-2 → apse2; a region of another form keeps its name. */
    private static String zoneIdPrefix(String region) {
        String[] parts = region.split("-");
        if (parts.length != 3 || !DIRECTIONS.containsKey(parts[1])) {
            return region;
        }
        return parts[0] + DIRECTIONS.get(parts[1]) + parts[2];
    }
}
