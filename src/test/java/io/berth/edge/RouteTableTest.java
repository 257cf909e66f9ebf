package io.berth.edge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    private static final RequestContext CONTEXT = new RequestContext("r", null, "us-east-1", Instant.EPOCH, "127.0.0.1");
    private static final Route.Endpoint.Buffered OK =
            (request, body) -> new EdgeResponse(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));

    @Test
    void agentRoutesAnswerOnlyOnTheAgentsAddressWhileApiRoutesAnswerOnBoth() {
        Route agent = Route.prefix("agent", Route.Audience.AGENT, "/v2/", 10, OK);
        Route api = Route.prefix("api", Route.Audience.API, "/", 10, OK);

        assertThat(agent.matches(Route.Audience.AGENT, "GET", "/v2/credentials/x")).isTrue();
        assertThat(agent.matches(Route.Audience.API, "GET", "/v2/credentials/x")).isFalse();
        assertThat(api.matches(Route.Audience.API, "GET", "/v2/")).isTrue();
        assertThat(api.matches(Route.Audience.AGENT, "POST", "/")).isTrue();
    }

    @Test
    void theServiceInAnArnPicksTheModuleThatAnswersItsTags() {
        ServiceModule ecs = new ServiceModule(new ServiceDefinition.Json("ecs", "E", List.of()), List.of(), "ecs",
                java.util.Optional.of((context, arn) -> Map.of("from", "ecs:" + arn)));
        ServiceModule logs = new ServiceModule(new ServiceDefinition.Json("logs", "L", List.of()), List.of(), "logs",
                java.util.Optional.of((context, arn) -> Map.of("from", "logs")));
        ServiceModule iam = ServiceModule.of(new ServiceDefinition.Json("iam", "I", List.of()), "iam");
        ResourceTagLookup tags = ServiceModule.tagsOf(List.of(ecs, logs, iam));

        assertThat(tags.of(CONTEXT, "arn:aws:ecs:us-east-1:1:cluster/a")).containsEntry("from", "ecs:arn:aws:ecs:us-east-1:1:cluster/a");
        assertThat(tags.of(CONTEXT, "arn:aws:logs:us-east-1:1:log-group:g:*")).containsEntry("from", "logs");
        assertThat(tags.of(CONTEXT, "arn:aws:iam::1:role/r")).isEmpty();
        assertThat(tags.of(CONTEXT, "arn:aws:ec2:us-east-1:1:vpc/vpc-1")).isEmpty();
        assertThat(tags.of(CONTEXT, "*")).isEmpty();
        assertThat(tags.of(CONTEXT, "arn:aws")).isEmpty();
    }
}
