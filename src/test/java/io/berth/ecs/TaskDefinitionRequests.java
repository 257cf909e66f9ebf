package io.berth.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.berth.ecs.model.RegisterTaskDefinitionRequest;
import io.berth.ecs.model.TaskDefinition;
import io.berth.edge.AwsException;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RegisterTaskDefinition requests written as the JSON a client sends, with single quotes for
 * readability. A later member overrides an earlier one of the same name, so {@code fargate("'cpu':'1 vCPU'")}
 * is the valid Fargate request with only its cpu changed, and {@code 'networkMode':null} removes a member.
 */
final class TaskDefinitionRequests {

    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3";
    static final String CALLER = "arn:aws:iam::123456789012:user/dev";
    static final Instant AT = Instant.parse("2025-05-06T07:08:09.123Z");
    static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    static final String ECR_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0";

    /** A container valid everywhere once the task has memory. */
    static final String APP = container("");
    /** A container valid on EC2 without task memory. */
    static final String EC2_APP = container("'memory':256");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TaskDefinitionRequests() {
    }

    static String fargate(String fields, String... containers) {
        return task("'family':'web','networkMode':'awsvpc','requiresCompatibilities':['FARGATE'],"
                + "'cpu':'256','memory':'512','executionRoleArn':'" + EXECUTION_ROLE + "'", fields, containers);
    }

    static String ec2(String fields, String... containers) {
        return task("'family':'web','requiresCompatibilities':['EC2']", fields, containers);
    }

    /** No requiresCompatibilities at all, as most older clients register. */
    static String plain(String fields, String... containers) {
        return task("'family':'web'", fields, containers);
    }

    private static String task(String base, String fields, String... containers) {
        String list = "'containerDefinitions':[" + String.join(",", containers) + "]";
        return "{" + join(base, list, fields) + "}";
    }

    static String container(String fields) {
        return named("app", fields);
    }

    static String named(String name, String fields) {
        return "{" + join("'name':'" + name + "','image':'nginx:1.27'", fields) + "}";
    }

    private static String join(String... parts) {
        return Arrays.stream(parts).filter(part -> !part.isEmpty()).collect(Collectors.joining(","));
    }

    static RegisterTaskDefinitionRequest request(String json) {
        try {
            return STRICT.readValue(json.replace('\'', '"'), RegisterTaskDefinitionRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + json, e);
        }
    }

    static TaskDefinition register(String json) {
        return TaskDefinitionRules.register(request(json), ARN, 3, CALLER, AT);
    }

    static void assertRefused(String json, String code, String message) {
        assertThatThrownBy(() -> register(json))
                .isInstanceOfSatisfying(AwsException.class, error -> {
                    assertThat(error.code()).isEqualTo(code);
                    assertThat(error.status()).isEqualTo(400);
                })
                .hasMessage(message);
    }

    static void assertRefused(String json, String message) {
        assertRefused(json, "ClientException", message);
    }

    static String containers(int count) {
        return Stream.iterate(1, i -> i + 1).limit(count).map(i -> named("c" + i, ""))
                .collect(Collectors.joining(","));
    }
}
