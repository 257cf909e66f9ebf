package io.berth.iam.model;

import java.util.List;

/** SimulatePrincipalPolicy and SimulateCustomPolicy, as the IAM Query API names their members. */
public final class SimulationMessages {

    private SimulationMessages() {
    }

    public record ContextEntry(String contextKeyName, List<String> contextKeyValues, String contextKeyType) {
    }

    public record SimulatePrincipalPolicyRequest(String policySourceArn, List<String> policyInputList,
                                                 List<String> permissionsBoundaryPolicyInputList,
                                                 List<String> actionNames, List<String> resourceArns,
                                                 String callerArn, List<ContextEntry> contextEntries,
                                                 Integer maxItems, String marker) {
    }

    public record SimulateCustomPolicyRequest(List<String> policyInputList,
                                              List<String> permissionsBoundaryPolicyInputList,
                                              List<String> actionNames, List<String> resourceArns,
                                              String callerArn, List<ContextEntry> contextEntries,
                                              Integer maxItems, String marker) {
    }

    public record Position(Integer line, Integer column) {
    }

    public record Statement(String sourcePolicyId, String sourcePolicyType, Position startPosition,
                            Position endPosition) {
    }

    public record EvaluationResult(String evalActionName, String evalResourceName, String evalDecision,
                                   List<Statement> matchedStatements, List<String> missingContextValues) {
    }

    public record SimulatePolicyResponse(List<EvaluationResult> evaluationResults, Boolean isTruncated, String marker) {
    }
}
