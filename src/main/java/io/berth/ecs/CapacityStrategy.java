package io.berth.ecs;

import io.berth.ecs.model.CapacityProviderStrategyItem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Capacity provider strategies as ECS checks and applies them: which providers a cluster may
 * have, what a strategy may say, and how tasks spread over it (bases first, then by weight).
 */
final class CapacityStrategy {

    static final String NOT_ASSOCIATED = "The specified capacity provider strategy cannot contain a capacity "
            + "provider that is not associated with the cluster. Associate the capacity provider with the "
            + "cluster or specify a valid capacity provider and try again.";

    private CapacityStrategy() {
    }

    /** The capacity providers a cluster is given, each of which must exist (only the Fargate ones do). */
    static List<String> providers(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        for (String provider : requested) {
            if (!CapacityProviders.FARGATE_PROVIDERS.contains(provider)) {
                throw EcsErrors.invalidParameter(CapacityProviders.NOT_FOUND);
            }
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    /**
     * Checks a strategy against the providers associated with its cluster, and returns it as ECS
     * reports it: an omitted weight or base is 0.
     */
    static List<CapacityProviderStrategyItem> validate(List<CapacityProviderStrategyItem> items, List<String> associated) {
        if (items == null) {
            return List.of();
        }
        int withBase = 0;
        for (CapacityProviderStrategyItem item : items) {
            if (item.capacityProvider() == null || !associated.contains(item.capacityProvider())) {
                throw EcsErrors.invalidParameter(NOT_ASSOCIATED);
            }
            if (item.weight() != null && (item.weight() < 0 || item.weight() > 1000)) {
                throw EcsErrors.invalidParameter("The capacity provider strategy weight must be between 0 and 1000.");
            }
            if (item.base() != null && (item.base() < 0 || item.base() > 100000)) {
                throw EcsErrors.invalidParameter("The capacity provider strategy base must be between 0 and 100000.");
            }
            if (item.base() != null && item.base() > 0) {
                withBase++;
            }
        }
        if (withBase > 1) {
            throw EcsErrors.invalidParameter("You can only specify a base for one capacity provider in a capacity provider strategy.");
        }
        return items.stream()
                .map(i -> new CapacityProviderStrategyItem(i.capacityProvider(), weight(i), i.base() == null ? 0 : i.base()))
                .toList();
    }

    /**
     * Checks that a strategy can place tasks: with several providers, one needs a weight above
     * zero, since providers of weight zero take no tasks beyond their base.
     */
    static void requirePlaceable(List<CapacityProviderStrategyItem> strategy) {
        if (strategy.size() > 1 && strategy.stream().allMatch(i -> weight(i) == 0)) {
            throw EcsErrors.invalidParameter("At least one capacity provider in a capacity provider strategy must "
                    + "have a weight greater than zero.");
        }
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
        int totalWeight = strategy.stream().mapToInt(CapacityStrategy::weight).sum();
        int[] placed = new int[strategy.size()];
        while (providers.size() < count) {
            // The provider furthest below its weighted share gets the next task.
            int best = 0;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            int placedSoFar = java.util.Arrays.stream(placed).sum() + 1;
            for (int i = 0; i < strategy.size(); i++) {
                double share = totalWeight == 0 ? (i == 0 ? 1 : 0) : (double) weight(strategy.get(i)) / totalWeight;
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

    private static int weight(CapacityProviderStrategyItem item) {
        return item.weight() == null ? 0 : item.weight();
    }
}
