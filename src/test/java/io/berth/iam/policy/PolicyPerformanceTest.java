package io.berth.iam.policy;

import static io.berth.iam.policy.PolicyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smoke check of evaluation speed: 10 attached policies of 5 statements each, with wildcards,
 * a policy variable and conditions. The bound is loose (shared CI machines); typical figures are
 * printed.
 */
class PolicyPerformanceTest {

    @Test
    void tenPoliciesOfFiveStatementsEvaluateInMicroseconds() {
        List<PolicyDocument> policies = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            policies.add(identity(
                    st("Allow", "ecs:Describe*", "arn:aws:ecs:*:" + A + ":cluster/*"),
                    st("Allow", "['s3:GetObject','s3:PutObject']", "arn:aws:s3:::bucket-" + p + "/${aws:username}/*"),
                    st("Deny", "iam:*", "*", "{'Bool':{'aws:MultiFactorAuthPresent':'false'}}"),
                    st("Allow", "logs:Put*", "arn:aws:logs:us-east-1:" + A + ":log-group:/berth/*",
                            "{'StringEquals':{'aws:RequestedRegion':['us-east-1','eu-west-1']},'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}"),
                    st("Allow", "ecs:?unTask", "arn:aws:ecs:us-east-1:" + A + ":task-definition/app-" + p + ":*")));
        }
        AuthorizationRequest request = AuthorizationRequest.builder(ALICE, "ecs:RunTask", "arn:aws:ecs:us-east-1:" + A + ":task-definition/app-9:12")
                .identityPolicies(policies)
                .context("aws:RequestedRegion", "us-east-1")
                .context("aws:SourceIp", "10.1.2.3")
                .context("aws:MultiFactorAuthPresent", "true")
                .build();
        assertThat(PolicyEvaluator.isAllowed(request)).isTrue();

        int rounds = 200_000;
        long best = Long.MAX_VALUE;
        for (int pass = 0; pass < 5; pass++) {
            long t0 = System.nanoTime();
            int allowed = 0;
            for (int i = 0; i < rounds; i++) if (PolicyEvaluator.evaluate(request).allowed()) allowed++;
            long per = (System.nanoTime() - t0) / rounds;
            assertThat(allowed).isEqualTo(rounds);
            best = Math.min(best, per);
        }
        System.out.println("policy evaluation, 10 policies x 5 statements: " + best + " ns per request (best of 5 passes)");
        assertThat(best).as("nanoseconds per evaluation").isLessThan(50_000);
    }
}
