package io.berth.ecs;

import io.berth.ecs.model.CapacityProviderStrategyItem;
import io.berth.edge.AwsException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which capacity providers a cluster may have, what a strategy may say, and how tasks spread over it. */
class CapacityStrategyTest {

    private static final List<String> BOTH = List.of("FARGATE", "FARGATE_SPOT");

    private static CapacityProviderStrategyItem item(String provider, Integer weight, Integer base) {
        return new CapacityProviderStrategyItem(provider, weight, base);
    }

    private static void assertRefused(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidParameterException");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void onlyTheFargateProvidersExistAndRepeatsCollapse() {
        assertThat(CapacityStrategy.providers(List.of("FARGATE_SPOT", "FARGATE", "FARGATE_SPOT")))
                .containsExactly("FARGATE_SPOT", "FARGATE");
        assertThat(CapacityStrategy.providers(null)).isEmpty();
        assertRefused(() -> CapacityStrategy.providers(List.of("FARGATE", "my-asg-provider")),
                "The specified capacity provider was not found. Specify a valid capacity provider and try again.");
        assertRefused(() -> CapacityStrategy.providers(List.of("fargate")),
                "The specified capacity provider was not found. Specify a valid capacity provider and try again.");
    }

    @Test
    void strategiesNameOnlyProvidersOfTheCluster() {
        assertThat(CapacityStrategy.validate(List.of(item("FARGATE", 1, 2), item("FARGATE_SPOT", 3, null)), BOTH))
                .hasSize(2);
        assertRefused(() -> CapacityStrategy.validate(List.of(item("FARGATE_SPOT", 1, 0)), List.of("FARGATE")),
                CapacityStrategy.NOT_ASSOCIATED);
        assertRefused(() -> CapacityStrategy.validate(List.of(item(null, 1, 0)), BOTH), CapacityStrategy.NOT_ASSOCIATED);
        assertRefused(() -> CapacityStrategy.validate(List.of(item("FARGATE", 1, 0)), List.of()),
                CapacityStrategy.NOT_ASSOCIATED);
    }

    @Test
    void weightsAndBasesStayInTheirRanges() {
        assertThat(CapacityStrategy.validate(List.of(item("FARGATE", 1000, 100000)), BOTH)).hasSize(1);
        assertThat(CapacityStrategy.validate(List.of(item("FARGATE", 0, 0)), BOTH)).hasSize(1);
        assertRefused(() -> CapacityStrategy.validate(List.of(item("FARGATE", 1001, null)), BOTH),
                "The capacity provider strategy weight must be between 0 and 1000.");
        assertRefused(() -> CapacityStrategy.validate(List.of(item("FARGATE", -1, null)), BOTH),
                "The capacity provider strategy weight must be between 0 and 1000.");
        assertRefused(() -> CapacityStrategy.validate(List.of(item("FARGATE", 1, 100001)), BOTH),
                "The capacity provider strategy base must be between 0 and 100000.");
        assertRefused(() -> CapacityStrategy.validate(List.of(item("FARGATE", 1, -1)), BOTH),
                "The capacity provider strategy base must be between 0 and 100000.");
    }

    @Test
    void omittedWeightsAndBasesAreReportedAsZero() {
        assertThat(CapacityStrategy.validate(List.of(item("FARGATE", null, null), item("FARGATE_SPOT", 2, null)), BOTH))
                .containsExactly(item("FARGATE", 0, 0), item("FARGATE_SPOT", 2, 0));
    }

    @Test
    void onlyOneProviderHasABase() {
        assertThat(CapacityStrategy.validate(List.of(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 0)), BOTH)).hasSize(2);
        assertRefused(() -> CapacityStrategy.validate(List.of(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 2)), BOTH),
                "You can only specify a base for one capacity provider in a capacity provider strategy.");
    }

    @Test
    void severalProvidersNeedOneWithWeight() {
        CapacityStrategy.requirePlaceable(List.of(item("FARGATE", null, null)));
        CapacityStrategy.requirePlaceable(List.of(item("FARGATE", 0, 2), item("FARGATE_SPOT", 1, null)));
        assertRefused(() -> CapacityStrategy.requirePlaceable(List.of(item("FARGATE", 0, 2), item("FARGATE_SPOT", null, null))),
                "At least one capacity provider in a capacity provider strategy must have a weight greater than zero.");
    }

    @Test
    void basesAreFilledFirstThenTasksFollowTheWeights() {
        List<String> spread = CapacityStrategy.spread(List.of(item("FARGATE", 1, 2), item("FARGATE_SPOT", 3, null)), 6);
        assertThat(spread.subList(0, 2)).containsExactly("FARGATE", "FARGATE");
        assertThat(spread.subList(2, 6)).containsExactlyInAnyOrder("FARGATE", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT");
        assertThat(CapacityStrategy.spread(List.of(item("FARGATE", 0, null), item("FARGATE_SPOT", 1, null)), 3))
                .containsOnly("FARGATE_SPOT");
        assertThat(CapacityStrategy.spread(List.of(item("FARGATE_SPOT", null, null)), 2))
                .containsExactly("FARGATE_SPOT", "FARGATE_SPOT");
    }
}
