package io.berth.ecs;

import io.berth.ecs.model.CapacityProviderStrategyItem;

import java.util.ArrayList;
import java.util.List;

/** Spreads tasks over a capacity provider strategy as ECS does: bases first, then by weight. */
final class CapacityStrategy {

    private CapacityStrategy() {
    }

    /** The provider of each of {@code count} tasks, in launch order. */
    static List<String> spread(List<CapacityProviderStrategyItem> strategy, int count) {
        List<String> providers = new ArrayList<>(count);
        for (CapacityProviderStrategyItem item : strategy) {
            int base = item.base() == null ? 0 : item.base();
            for (int i = 0; i < base && providers.size() < count; i++) {
                providers.add(item.capacityProvider());
            }
        }
        int totalWeight = strategy.stream().mapToInt(i -> i.weight() == null ? 0 : i.weight()).sum();
        int[] placed = new int[strategy.size()];
        while (providers.size() < count) {
            // The provider furthest below its weighted share gets the next task.
            int best = 0;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            int placedSoFar = java.util.Arrays.stream(placed).sum() + 1;
            for (int i = 0; i < strategy.size(); i++) {
                int weight = strategy.get(i).weight() == null ? 0 : strategy.get(i).weight();
                double share = totalWeight == 0 ? (i == 0 ? 1 : 0) : (double) weight / totalWeight;
                double deficit = share * placedSoFar - placed[i];
                if (deficit > bestDeficit) {
                    bestDeficit = deficit;
                    best = i;
                }
            }
            placed[best]++;
            providers.add(strategy.get(best).capacityProvider());
        }
        return providers;
    }
}
