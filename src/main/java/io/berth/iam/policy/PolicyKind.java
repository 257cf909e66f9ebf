package io.berth.iam.policy;

/** The kind of policy a document is validated as; IAM applies different rules to each. */
public enum PolicyKind { IDENTITY, RESOURCE, TRUST, BOUNDARY, SESSION }
