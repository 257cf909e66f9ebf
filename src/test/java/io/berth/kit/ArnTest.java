package io.berth.kit;

import io.berth.edge.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArnTest {

    @Test
    void parsesEveryField() {
        Arn arn = Arn.parse("arn:aws:ecs:eu-west-1:123456789012:cluster/prod").orElseThrow();
        assertThat(arn).isEqualTo(new Arn("aws", "ecs", "eu-west-1", "123456789012", "cluster/prod"));
        assertThat(arn.partition()).isEqualTo("aws");
        assertThat(arn.service()).isEqualTo("ecs");
        assertThat(arn.region()).isEqualTo("eu-west-1");
        assertThat(arn.accountId()).isEqualTo("123456789012");
        assertThat(arn.resource()).isEqualTo("cluster/prod");
    }

    @Test
    void keepsColonsAndSlashesOfTheResource() {
        Arn arn = Arn.parse("arn:aws:logs:us-east-1:000000000000:log-group:/aws/ecs/app:log-stream:web/1").orElseThrow();
        assertThat(arn.resource()).isEqualTo("log-group:/aws/ecs/app:log-stream:web/1");
        assertThat(arn.resourceType()).isEqualTo("log-group");
        assertThat(arn.resourceId()).isEqualTo("/aws/ecs/app:log-stream:web/1");
    }

    @Test
    void aGlobalServiceHasAnEmptyRegion() {
        Arn arn = Arn.parse("arn:aws:iam::000000000000:user/division/ops/alice").orElseThrow();
        assertThat(arn.region()).isEmpty();
        assertThat(arn.resourceType()).isEqualTo("user");
        assertThat(arn.resourceId()).isEqualTo("division/ops/alice");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cluster/prod|cluster|prod",
            "task-definition/web:3|task-definition|web:3",
            "task/prod/0123456789abcdef0123456789abcdef|task|prod/0123456789abcdef0123456789abcdef",
            "log-group:app:*|log-group|app:*",
            "vpc/vpc-0a1b2c3d4e5f67890|vpc|vpc-0a1b2c3d4e5f67890",
            "policy/service-role/AmazonECSTaskExecutionRolePolicy|policy|service-role/AmazonECSTaskExecutionRolePolicy",
            "assumed-role/app/session|assumed-role|app/session",
            "trailing/|trailing|''",
            "root|''|root",
    })
    void splitsTheResourceAtItsFirstSlashOrColon(String resource, String type, String id) {
        Arn arn = new Arn("aws", "svc", "r", "a", resource);
        assertThat(arn.resourceType()).isEqualTo(type);
        assertThat(arn.resourceId()).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"arn", "arn:aws", "arn:aws:ecs:us-east-1:000000000000", "arn:aws:ecs:us-east-1:000000000000:",
            "nra:aws:ecs:us-east-1:000000000000:cluster/a", "arn::ecs:us-east-1:000000000000:cluster/a",
            "arn:aws::us-east-1:000000000000:cluster/a", "ARN:aws:ecs:us-east-1:000000000000:cluster/a", "cluster/prod"})
    void refusesWhatIsNoArn(String text) {
        assertThat(Arn.parse(text)).isEmpty();
    }

    @Test
    void answersAMalformedArnWithTheServicesError() {
        assertThatThrownBy(() -> Arn.parse("arn:aws:ecs", text -> new AwsException("InvalidParameterException", 400,
                "Invalid resource ARN: " + text)))
                .isInstanceOf(AwsException.class).hasMessage("Invalid resource ARN: arn:aws:ecs");
        assertThat(Arn.parse("arn:aws:ecs:r:a:cluster/x", text -> new IllegalStateException()).resourceId())
                .isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:ecs:us-east-1:000000000000:cluster/prod", "arn:aws:iam::aws:policy/ReadOnlyAccess",
            "arn:aws:logs:us-east-1:000000000000:log-group:app:*", "arn:aws-cn:s3:::bucket", "arn:aws:sts::1:assumed-role/a/b"})
    void printsAsItWasParsed(String text) {
        assertThat(Arn.parse(text).orElseThrow()).hasToString(text);
    }

    @Test
    void isOfAServiceOnlyInBerthsPartition() {
        assertThat(Arn.parse("arn:aws:ecs:r:a:cluster/x").orElseThrow().isOf("ecs")).isTrue();
        assertThat(Arn.parse("arn:aws:ecs:r:a:cluster/x").orElseThrow().isOf("ec2")).isFalse();
        assertThat(Arn.parse("arn:aws-cn:ecs:r:a:cluster/x").orElseThrow().isOf("ecs")).isFalse();
    }

    @Test
    void aTextClaimsToBeAServicesArnByItsPrefixAloneWellFormedOrNot() {
        assertThat(Arn.claims("arn:aws:logs:r:a:log-group:app", "logs")).isTrue();
        assertThat(Arn.claims("arn:aws:logs:broken", "logs")).isTrue();
        assertThat(Arn.claims("arn:aws:logsx:r:a:log-group:app", "logs")).isFalse();
        assertThat(Arn.claims("arn:aws-cn:logs:r:a:log-group:app", "logs")).isFalse();
        assertThat(Arn.claims("app", "logs")).isFalse();
    }

    @Test
    void refusesMissingParts() {
        assertThatThrownBy(() -> new Arn("aws", "ecs", null, "a", "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Arn("aws", "ecs", "r", "a", null)).isInstanceOf(NullPointerException.class);
    }
}
