package io.berth.iam;

import io.berth.iam.policy.PolicyKind;
import io.berth.iam.policy.PolicyParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AwsManagedPoliciesTest {

    @Test
    void everyDocumentIsAValidManagedPolicyWithinTheSizeLimit() {
        assertThat(AwsManagedPolicies.all()).isNotEmpty().allSatisfy(policy -> {
            PolicyParser.parse(policy.document(), PolicyKind.IDENTITY);
            assertThat(PolicyDocuments.size(policy.document())).isLessThanOrEqualTo(ManagedPolicies.MAX_DOCUMENT);
            assertThat(policy.policyId()).hasSize(21).startsWith("ANPA").matches("[A-Z2-7]+");
        });
    }

    @Test
    void arnsCarryTheirPaths() {
        assertThat(AwsManagedPolicies.byArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"))
                .get().extracting(AwsManagedPolicies.AwsPolicy::path).isEqualTo("/service-role/");
        assertThat(AwsManagedPolicies.byArn("arn:aws:iam::aws:policy/AmazonECSTaskExecutionRolePolicy")).isEmpty();
    }
}
