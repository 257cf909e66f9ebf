package io.berth.edge;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a declared operation tells the edge what to authorize. */
class OperationTest {

    static final RequestContext CONTEXT = new RequestContext("req-1", Principal.root("000000000000", "AKIDEXAMPLE"),
            "us-east-1", Instant.parse("2026-12-03T12:00:00Z"), "127.0.0.1");

    record Launch(String definition, List<String> roles, List<String> tags) {
    }

    @Test
    void anOperationOnResourcesNeedsItsActionOnEachAndPassRoleOnEachRoleItHandsOn() {
        Operation<Launch, String> run = Operation.named("ecs", "RunTask", Launch.class)
                .on((c, r) -> List.of("arn:aws:ecs:us-east-1:000000000000:task-definition/" + r.definition()))
                .passingRoles((c, r) -> r.roles())
                .conditionKeys(r -> Map.of("aws:TagKeys", r.tags()))
                .handledBy((c, r) -> "ran " + r.definition());
        Launch launch = new Launch("web:1", List.of("arn:aws:iam::000000000000:role/app"), List.of("team"));

        assertThat(run.iamAction()).isEqualTo("ecs:RunTask");
        assertThat(run.permissionsFor(CONTEXT, launch)).containsExactly(
                new Operation.Permission("ecs:RunTask", "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1"),
                new Operation.Permission("iam:PassRole", "arn:aws:iam::000000000000:role/app"));
        assertThat(run.conditionKeysOf(launch)).containsEntry("aws:TagKeys", List.of("team"));
        assertThat(run.invoke(CONTEXT, launch)).isEqualTo("ran web:1");
    }

    @Test
    void resourcesResolvingToNoneAreAnInternalErrorNotADecision() {
        Operation<Launch, String> describe = Operation.named("ecs", "DescribeTasks", Launch.class)
                .on((c, r) -> r.roles())
                .handledBy((c, r) -> "described");

        assertThatThrownBy(() -> describe.permissionsFor(CONTEXT, new Launch("web:1", List.of(), List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ecs:DescribeTasks resolved no resource to authorize");
    }

    @Test
    void anOperationAuthorizedInItsHandlerOrOpenToEveryCallerAsksTheEdgeForNothing() {
        Operation<Launch, String> assumeRole = Operation.named("sts", "AssumeRole", Launch.class)
                .authorizedInHandler().handledBy((c, r) -> "decided inside");
        Operation<Launch, String> whoAmI = Operation.named("sts", "GetCallerIdentity", Launch.class)
                .allowedToEveryCaller().handledBy((c, r) -> "anyone");
        Launch request = new Launch("x", List.of(), List.of());

        assertThat(assumeRole.authorization()).isInstanceOf(Operation.Authorization.InHandler.class);
        assertThat(assumeRole.permissionsFor(CONTEXT, request)).isEmpty();
        assertThat(whoAmI.authorization()).isInstanceOf(Operation.Authorization.EveryCaller.class);
        assertThat(whoAmI.permissionsFor(CONTEXT, request)).isEmpty();
    }

    @Test
    void everyOperationSaysHowItIsAuthorizedOnce() {
        assertThatThrownBy(() -> Operation.named("ecs", "ListClusters", Launch.class).handledBy((c, r) -> "all"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ecs:ListClusters declares no authorization");
        assertThatThrownBy(() -> Operation.named("ecs", "ListClusters", Launch.class)
                .on(ResourceResolver.any()).authorizedInHandler())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ecs:ListClusters declares its authorization twice");
    }

    @Test
    void aJsonServiceTakesNoQueryCodec() {
        Operation<Launch, String> coded = Operation.named("ecs", "RunTask", Launch.class).on(ResourceResolver.any())
                .handledBy((Handler<Launch, String>) (c, r) -> "ran")
                .withCodec(new QueryCodec<>() {
                    @Override
                    public Launch decode(QueryParameters parameters) {
                        return null;
                    }

                    @Override
                    public void encodeResult(String response, javax.xml.stream.XMLStreamWriter xml) {
                    }
                });

        assertThatThrownBy(() -> new ServiceDefinition.Json("ecs", "E", List.of(coded)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ecs:RunTask brings a Query codec to a JSON service");
    }
}
