package io.berth.iam.policy;

/** A position in a policy document's text (1-based line and column), as SimulatePrincipalPolicy reports statement positions. */
public record SourcePosition(int line, int column) {}
