package io.berth.iam.policy;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything policy evaluation needs to decide one request.
 *
 * @param principal              who asks
 * @param action                 "service:Action", e.g. "ecs:RunTask"
 * @param resource               the resource ARN, or "*" for actions without resource-level permissions
 * @param resourceAccountId      the account owning the resource; null to take it from the resource ARN
 *                               (and, when the ARN has none, to treat the request as same-account)
 * @param context                request condition keys (aws:SourceIp, aws:CurrentTime, aws:SecureTransport,
 *                               aws:RequestedRegion, aws:RequestTag/..., aws:TagKeys, aws:ResourceTag/...,
 *                               service keys); key names are case-insensitive. Keys describing the principal
 *                               (aws:username, aws:userid, aws:PrincipalArn, aws:PrincipalAccount,
 *                               aws:PrincipalType, aws:PrincipalTag/...) are derived from {@code principal}
 *                               and take precedence over entries given here. The map is copied with its keys
 *                               in lower case, unless it is the {@code context()} of another request, which is
 *                               already in that form and is taken as it is
 * @param identityPolicies       the principal's identity-based policies (inline, attached, and its groups')
 * @param permissionsBoundary    the permissions boundary, or null
 * @param sessionPolicies        the session policies of a role session (inline and managed); empty when none
 * @param resourcePolicy         the resource-based policy (a role's trust policy for sts:AssumeRole), or null
 * @param resourcePolicyRequired true where the resource-based policy must itself allow the principal, as role
 *                               trust policies and KMS key policies do; false where an identity-based allow
 *                               alone suffices within the account
 */
public record AuthorizationRequest(RequestPrincipal principal, String action, String resource, String resourceAccountId,
                                   Map<String, List<String>> context, List<AttachedPolicy> identityPolicies,
                                   AttachedPolicy permissionsBoundary, List<AttachedPolicy> sessionPolicies,
                                   AttachedPolicy resourcePolicy, boolean resourcePolicyRequired) {

    public AuthorizationRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        if (resource == null) resource = "*";
        context = normalize(context);
        identityPolicies = identityPolicies == null ? List.of() : List.copyOf(identityPolicies);
        sessionPolicies = sessionPolicies == null ? List.of() : List.copyOf(sessionPolicies);
    }

    private static Map<String, List<String>> normalize(Map<String, List<String>> context) {
        if (context instanceof NormalizedContext) return context;
        if (context == null || context.isEmpty()) return Map.of();
        Map<String, List<String>> out = new HashMap<>(context.size() * 2);
        for (Map.Entry<String, List<String>> e : context.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) continue;
            String key = e.getKey().toLowerCase(Locale.ROOT);
            List<String> values = new ArrayList<>(e.getValue().size());
            for (String v : e.getValue()) if (v != null) values.add(v);
            List<String> prior = out.get(key);
            if (prior != null) {
                List<String> merged = new ArrayList<>(prior);
                merged.addAll(values);
                values = merged;
            }
            out.put(key, Collections.unmodifiableList(values));
        }
        return new NormalizedContext(out);
    }

    /**
     * A context as {@link #normalize} makes it: lower-case keys, lists without nulls, nothing
     * modifiable. Only normalize creates one, so a request built from another's context skips
     * copying it again (authorization reuses the global condition keys for a second's requests).
     */
    private static final class NormalizedContext extends AbstractMap<String, List<String>> {
        private final Map<String, List<String>> map;        // read directly: never changed after normalize
        private final Map<String, List<String>> entries;    // the view handed out

        NormalizedContext(Map<String, List<String>> map) {
            this.map = map;
            this.entries = Collections.unmodifiableMap(map);
        }

        @Override
        public List<String> get(Object key) { return map.get(key); }

        @Override
        public boolean containsKey(Object key) { return map.containsKey(key); }

        @Override
        public int size() { return map.size(); }

        @Override
        public boolean isEmpty() { return map.isEmpty(); }

        @Override
        public Set<Entry<String, List<String>>> entrySet() { return entries.entrySet(); }
    }

    /** The values of a request context key (any case), or null. */
    public List<String> contextValues(String key) {
        return context.get(key.toLowerCase(Locale.ROOT));
    }

    public static Builder builder(RequestPrincipal principal, String action, String resource) {
        return new Builder(principal, action, resource);
    }

    /** A builder; every list it is given is copied. */
    public static final class Builder {
        private final RequestPrincipal principal;
        private final String action;
        private final String resource;
        private String resourceAccountId;
        private final Map<String, List<String>> context = new HashMap<>();
        private final List<AttachedPolicy> identity = new ArrayList<>();
        private AttachedPolicy boundary;
        private final List<AttachedPolicy> session = new ArrayList<>();
        private AttachedPolicy resourcePolicy;
        private boolean resourcePolicyRequired;

        private Builder(RequestPrincipal principal, String action, String resource) {
            this.principal = principal;
            this.action = action;
            this.resource = resource;
        }

        public Builder resourceAccountId(String accountId) { this.resourceAccountId = accountId; return this; }

        public Builder context(String key, String... values) {
            context.computeIfAbsent(key, k -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        public Builder context(String key, List<String> values) {
            context.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
            return this;
        }

        public Builder context(Map<String, List<String>> entries) {
            entries.forEach(this::context);
            return this;
        }

        public Builder identityPolicy(PolicyDocument document) { identity.add(AttachedPolicy.of(document)); return this; }

        public Builder identityPolicy(AttachedPolicy policy) { identity.add(policy); return this; }

        public Builder identityPolicies(List<PolicyDocument> documents) {
            for (PolicyDocument d : documents) identity.add(AttachedPolicy.of(d));
            return this;
        }

        public Builder permissionsBoundary(PolicyDocument document) {
            this.boundary = document == null ? null : AttachedPolicy.of(document);
            return this;
        }

        public Builder permissionsBoundary(AttachedPolicy policy) { this.boundary = policy; return this; }

        public Builder sessionPolicy(PolicyDocument document) { session.add(AttachedPolicy.of(document)); return this; }

        public Builder sessionPolicy(AttachedPolicy policy) { session.add(policy); return this; }

        public Builder resourcePolicy(PolicyDocument document) {
            this.resourcePolicy = document == null ? null : AttachedPolicy.of(document);
            return this;
        }

        public Builder resourcePolicy(AttachedPolicy policy) { this.resourcePolicy = policy; return this; }

        /** A role trust policy: it must allow the principal itself (see the record's documentation). */
        public Builder trustPolicy(PolicyDocument document) {
            this.resourcePolicy = AttachedPolicy.of(document);
            this.resourcePolicyRequired = true;
            return this;
        }

        public Builder resourcePolicyRequired(boolean required) { this.resourcePolicyRequired = required; return this; }

        public AuthorizationRequest build() {
            return new AuthorizationRequest(principal, action, resource, resourceAccountId, context, identity, boundary, session,
                    resourcePolicy, resourcePolicyRequired);
        }
    }
}
