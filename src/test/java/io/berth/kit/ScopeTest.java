package io.berth.kit;

import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeTest {

    private static final RequestContext CONTEXT = new RequestContext("r", Principal.root("123456789012", "AKID"),
            "eu-west-1", Instant.EPOCH, "127.0.0.1");

    @Test
    void isTheCallersAccountAndTheRequestsRegion() {
        Scope scope = Scope.of(CONTEXT);
        assertThat(scope).isEqualTo(new Scope("123456789012", "eu-west-1"));
        assertThat(scope.isGlobal()).isFalse();
        assertThat(scope.key()).isEqualTo("123456789012/eu-west-1");
    }

    @Test
    void aGlobalScopeIsTheAccountAlone() {
        Scope scope = Scope.global(CONTEXT);
        assertThat(scope).isEqualTo(Scope.global("123456789012"));
        assertThat(scope.isGlobal()).isTrue();
        assertThat(scope.region()).isNull();
        assertThat(scope.key()).isEqualTo("123456789012/global");
    }

    @Test
    void buildsArnsOfItsAccountAndRegion() {
        assertThat(Scope.of(CONTEXT).arn("ecs", "cluster/prod"))
                .hasToString("arn:aws:ecs:eu-west-1:123456789012:cluster/prod");
        assertThat(Scope.global(CONTEXT).arn("iam", "user/alice")).hasToString("arn:aws:iam::123456789012:user/alice");
        assertThat(Scope.of(CONTEXT).arn("logs", "")).hasToString("arn:aws:logs:eu-west-1:123456789012:");
    }

    @Test
    void containsOnlyArnsOfItsAccountAndRegion() {
        Scope scope = Scope.of(CONTEXT);
        assertThat(scope.contains(arn("arn:aws:ecs:eu-west-1:123456789012:cluster/prod"))).isTrue();
        assertThat(scope.contains(arn("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1"))).isTrue();
        assertThat(scope.contains(arn("arn:aws:ecs:us-east-1:123456789012:cluster/prod"))).isFalse();
        assertThat(scope.contains(arn("arn:aws:ecs:eu-west-1:000000000000:cluster/prod"))).isFalse();
        assertThat(scope.contains(arn("arn:aws:iam::123456789012:user/alice"))).isFalse();
    }

    @Test
    void aGlobalScopeContainsOnlyArnsWithoutRegion() {
        Scope scope = Scope.global("123456789012");
        assertThat(scope.contains(arn("arn:aws:iam::123456789012:role/app"))).isTrue();
        assertThat(scope.contains(arn("arn:aws:ecs:eu-west-1:123456789012:cluster/prod"))).isFalse();
        assertThat(scope.contains(arn("arn:aws:iam::000000000000:role/app"))).isFalse();
    }

    @Test
    void needsAnAccount() {
        assertThatThrownBy(() -> new Scope(null, "us-east-1")).isInstanceOf(NullPointerException.class);
    }

    private static Arn arn(String text) {
        return Arn.parse(text).orElseThrow();
    }
}
