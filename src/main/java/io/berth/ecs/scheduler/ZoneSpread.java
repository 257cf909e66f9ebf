package io.berth.ecs.scheduler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many of a service's live tasks run in each zone and subnet, and where the next one goes: ECS
 * spreads a service across the zones of its subnets, a new task going to the zone with the fewest,
 * ties broken by the order of the subnets, and takes tasks away from the zone with the most.
 */
final class ZoneSpread {

    private final List<ServiceSpec.Subnet> subnets;
    private final Map<String, Integer> byZone = new HashMap<>();
    private final Map<String, Integer> bySubnet = new HashMap<>();

    ZoneSpread(List<ServiceSpec.Subnet> subnets) {
        this.subnets = subnets;
    }

    void add(String zone, String subnetId) {
        shift(zone, subnetId, 1);
    }

    void remove(String zone, String subnetId) {
        shift(zone, subnetId, -1);
    }

    int tasksIn(String zone) {
        return zone == null ? 0 : byZone.getOrDefault(zone, 0);
    }

    /** The subnet for the next task: in the zone with the fewest tasks, then the subnet with the fewest. Null without subnets. */
    ServiceSpec.Subnet next() {
        ServiceSpec.Subnet best = null;
        for (ServiceSpec.Subnet candidate : subnets) {
            if (best == null || fewer(candidate, best)) {
                best = candidate;
            }
        }
        return best;
    }

    /** Strictly better, so the first subnet listed wins ties. */
    private boolean fewer(ServiceSpec.Subnet candidate, ServiceSpec.Subnet best) {
        int zones = Integer.compare(tasksIn(candidate.availabilityZone()), tasksIn(best.availabilityZone()));
        if (zones != 0 || !candidate.availabilityZone().equals(best.availabilityZone())) {
            return zones < 0;
        }
        return bySubnet.getOrDefault(candidate.subnetId(), 0) < bySubnet.getOrDefault(best.subnetId(), 0);
    }

    private void shift(String zone, String subnetId, int by) {
        if (zone != null) {
            byZone.merge(zone, by, Integer::sum);
        }
        if (subnetId != null) {
            bySubnet.merge(subnetId, by, Integer::sum);
        }
    }
}
