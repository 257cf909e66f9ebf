package io.berth.iam.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates IAM policy documents the way IAM does, answering with IAM's
 * {@code MalformedPolicyDocument} messages, and compiles them for {@link PolicyEvaluator}.
 *
 * <p>The checks run in IAM's order (as observed in IAM's answers and recorded by moto's
 * policy-validation tests): JSON syntax and element types ("Syntax errors in policy."), the
 * Version, IAM's legacy parser ("The policy failed legacy parsing": Effect spelling, Date
 * condition values, ARN shapes), Sids, actions present, Resource formats, action prefixes, and
 * then the rules of the policy kind (principal, resources, trust-policy restrictions).
 */
public final class PolicyParser {
    private PolicyParser() {}

    public static final String SYNTAX_ERROR = "Syntax errors in policy.";
    public static final String VERSION_ERROR = "Policy document must be version 2012-10-17 or greater.";
    public static final String LEGACY_ERROR = "The policy failed legacy parsing";
    public static final String SID_NOT_UNIQUE = "Statement IDs (SID) in a single policy must be unique.";
    public static final String SID_NOT_ALPHANUMERIC =
            "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*";
    public static final String NO_ACTIONS = "Policy statement must contain actions.";
    public static final String NO_RESOURCES = "Policy statement must contain resources.";
    public static final String NO_VENDOR = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    public static final String ONE_COLON = "Actions/Condition can contain only one colon.";
    public static final String PRINCIPAL_NOT_ALLOWED = "Policy document should not specify a principal.";
    public static final String RESOURCE_PROHIBITED = "Has prohibited field Resource";
    public static final String TRUST_NO_PRINCIPAL = "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: "
            + "The passed in policy has a statement with no principals!";
    public static final String RESOURCE_POLICY_NO_PRINCIPAL = "Missing required field Principal";
    public static final String TRUST_ACTIONS = "Trust Policy statement actions can only be sts:AssumeRole, "
            + "sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity";

    private static final Set<String> TOP_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> VERSIONS = Set.of(PolicyDocument.CURRENT_VERSION, PolicyDocument.LEGACY_VERSION);
    private static final Set<String> STATEMENT_ELEMENTS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition");
    private static final Set<String> PARTITIONS =
            Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");
    private static final List<String> IAM_RESOURCE_TYPES = List.of("user/", "federated-user/", "role/", "group/",
            "instance-profile/", "mfa/", "server-certificate/", "policy/", "sms-mfa/", "saml-provider/", "oidc-provider/",
            "report/", "access-report/");
    /** The STS actions a role trust policy may name (the service authorization reference for STS). */
    private static final Set<String> TRUST_POLICY_ACTIONS = Set.of("sts:assumerole", "sts:assumerolewithsaml",
            "sts:assumerolewithwebidentity", "sts:decodeauthorizationmessage", "sts:getaccesskeyinfo",
            "sts:getcalleridentity", "sts:getfederationtoken", "sts:getservicebearertoken", "sts:getsessiontoken",
            "sts:setsourceidentity", "sts:setcontext", "sts:tagsession");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    /**
     * Parses and validates a policy document as IAM does; throws {@link MalformedPolicyException}
     * with IAM's messages.
     *
     * <p>IDENTITY and BOUNDARY documents are held to the managed-policy rule (CreatePolicy,
     * CreatePolicyVersion): Version must be 2012-10-17. TRUST, RESOURCE and SESSION documents may
     * omit Version or use 2008-10-17. For inline identity policies use {@link #parseInline}.
     */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        boolean strictVersion = kind == PolicyKind.IDENTITY || kind == PolicyKind.BOUNDARY;
        return parse(json, kind, strictVersion);
    }

    /**
     * Parses an inline identity policy (PutUserPolicy, PutRolePolicy, PutGroupPolicy): the
     * IDENTITY rules, except that Version may be omitted (IAM then reads it as 2008-10-17, in
     * which policy variables are literal text) or be 2008-10-17.
     */
    public static PolicyDocument parseInline(String json) {
        return parse(json, PolicyKind.IDENTITY, false);
    }

    /** Parses with an explicit choice of whether Version must be 2012-10-17. */
    public static PolicyDocument parse(String json, PolicyKind kind, boolean requireCurrentVersion) {
        if (kind == null) throw new IllegalArgumentException("kind");
        return new Validation(json, kind, requireCurrentVersion, false).run();
    }

    /**
     * Compiles a document that was validated before (one read back from the store) or that IAM
     * itself owns (an AWS managed policy), checking only the structure the model needs; the
     * create-time rules (Version, legacy parsing, Sid format, action prefixes, the rules of the
     * kind) are not applied again. Still throws "Syntax errors in policy." for a document that
     * cannot be read.
     */
    public static PolicyDocument parseStored(String json) {
        return new Validation(json, PolicyKind.RESOURCE, false, true).run();
    }

    /** IAM's answer for an AWS principal that is malformed or does not exist: {@code Invalid principal in policy: "AWS":"arn"}. */
    public static MalformedPolicyException invalidPrincipal(String type, String value) {
        return malformed("Invalid principal in policy: \"" + type + "\":\"" + value + "\"");
    }

    static MalformedPolicyException malformed(String message) {
        return new MalformedPolicyException(message);
    }

    private static final class Validation {
        private final String json;
        private final PolicyKind kind;
        private final boolean requireCurrentVersion;
        private JsonNode root;
        private final List<JsonNode> statements = new ArrayList<>();
        private String resourceError = "";

        private final boolean stored;

        Validation(String json, PolicyKind kind, boolean requireCurrentVersion, boolean stored) {
            this.json = json;
            this.kind = kind;
            this.requireCurrentVersion = requireCurrentVersion;
            this.stored = stored;
        }

        PolicyDocument run() {
            if (!syntaxOk()) throw malformed(SYNTAX_ERROR);
            String version = root.has("Version") ? root.get("Version").asText() : null;
            if (stored) return build(version);
            if (requireCurrentVersion && !PolicyDocument.CURRENT_VERSION.equals(version)) throw malformed(VERSION_ERROR);
            if (!legacyParsingOk()) throw malformed(LEGACY_ERROR);
            checkSids();
            if (!actionsPresent()) throw malformed(NO_ACTIONS);
            if (!resourceError.isEmpty()) throw malformed(resourceError);
            checkActionPrefixes("Action");
            checkActionPrefixes("NotAction");
            switch (kind) {
                case IDENTITY, BOUNDARY, SESSION -> {
                    for (JsonNode s : statements) {
                        if (s.has("Principal") || s.has("NotPrincipal")) throw malformed(PRINCIPAL_NOT_ALLOWED);
                    }
                    if (!resourcesPresent()) throw malformed(NO_RESOURCES);
                }
                case TRUST -> {
                    for (JsonNode s : statements) {
                        if (s.has("Resource") || s.has("NotResource")) throw malformed(RESOURCE_PROHIBITED);
                    }
                    for (JsonNode s : statements) {
                        if (!s.has("Principal") && !s.has("NotPrincipal")) throw malformed(TRUST_NO_PRINCIPAL);
                    }
                    checkPrincipals(true);
                    checkTrustActions();
                }
                case RESOURCE -> {
                    for (JsonNode s : statements) {
                        if (!s.has("Principal") && !s.has("NotPrincipal")) throw malformed(RESOURCE_POLICY_NO_PRINCIPAL);
                    }
                    checkPrincipals(false);
                }
            }
            return build(version);
        }

        // ---------------------------------------------------------------- syntax

        private boolean syntaxOk() {
            if (json == null) return false;
            try {
                root = MAPPER.readTree(json);
            } catch (IOException | RuntimeException e) {
                return false;
            }
            if (root == null || !root.isObject()) return false;
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                if (!TOP_ELEMENTS.contains(it.next())) return false;
            }
            JsonNode version = root.get("Version");
            if (version != null && (!version.isTextual() || !VERSIONS.contains(version.asText()))) return false;
            JsonNode id = root.get("Id");
            if (id != null && !id.isTextual()) return false;
            JsonNode st = root.get("Statement");
            if (st == null) return false;
            if (st.isObject()) statements.add(st);
            else if (st.isArray()) st.forEach(statements::add);
            else return false;
            if (statements.isEmpty()) return false;
            for (JsonNode s : statements) if (!statementSyntaxOk(s)) return false;
            return true;
        }

        private static boolean statementSyntaxOk(JsonNode s) {
            if (!s.isObject()) return false;
            for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                if (!STATEMENT_ELEMENTS.contains(it.next())) return false;
            }
            if (s.has("Resource") && s.has("NotResource")) return false;
            if (s.has("Action") && s.has("NotAction")) return false;
            if (s.has("Principal") && s.has("NotPrincipal")) return false;
            JsonNode effect = s.get("Effect");
            if (effect == null || !effect.isTextual()) return false;
            String e = effect.asText().toLowerCase(Locale.ROOT);
            if (!e.equals("allow") && !e.equals("deny")) return false;
            for (String k : List.of("Action", "NotAction", "Resource", "NotResource")) {
                if (!stringOrStrings(s.get(k))) return false;
            }
            JsonNode sid = s.get("Sid");
            if (sid != null && !sid.isTextual()) return false;
            if (!conditionSyntaxOk(s.get("Condition"))) return false;
            if (!principalSyntaxOk(s.get("Principal")) || !principalSyntaxOk(s.get("NotPrincipal"))) return false;
            return true;
        }

        private static boolean stringOrStrings(JsonNode n) {
            if (n == null || n.isTextual()) return true;
            if (!n.isArray()) return false;
            for (JsonNode e : n) if (!e.isTextual() && !e.isNull()) return false;
            return true;
        }

        private static boolean conditionSyntaxOk(JsonNode c) {
            if (c == null) return true;
            if (!c.isObject()) return false;
            for (Map.Entry<String, JsonNode> op : c.properties()) {
                JsonNode block = op.getValue();
                if (!block.isObject()) return false;
                for (JsonNode v : block) {
                    if (v.isArray()) {
                        for (JsonNode e : v) if (!scalar(e)) return false;
                    } else if (!scalar(v)) {
                        return false;
                    }
                }
                if (parseOperator(op.getKey()) == null && !block.isEmpty()) return false;
            }
            return true;
        }

        private static boolean scalar(JsonNode n) {
            return n.isTextual() || n.isBoolean() || n.isNumber();
        }

        private static boolean principalSyntaxOk(JsonNode p) {
            if (p == null) return true;
            if (p.isTextual()) return p.asText().equals("*");
            if (!p.isObject()) return false;
            for (JsonNode v : p) {
                if (v.isTextual()) continue;
                if (!v.isArray()) return false;
                for (JsonNode e : v) if (!e.isTextual()) return false;
            }
            return true;
        }

        // ---------------------------------------------------------------- legacy parsing

        private boolean legacyParsingOk() {
            for (JsonNode s : statements) {
                String effect = s.get("Effect").asText();
                if (!effect.equals("Allow") && !effect.equals("Deny")) return false;
                JsonNode c = s.get("Condition");
                if (c == null) continue;
                for (Map.Entry<String, JsonNode> op : c.properties()) {
                    ParsedOperator parsed = parseOperator(op.getKey());
                    if (parsed == null || !parsed.operator.isDate()) continue;
                    for (JsonNode v : op.getValue()) {
                        for (String text : texts(v)) if (!legacyDate(text)) return false;
                    }
                }
            }
            for (String key : List.of("Resource", "NotResource")) {
                for (JsonNode s : statements) {
                    JsonNode r = s.get(key);
                    if (r == null) continue;
                    if (r.isTextual()) {
                        checkResourceFormat(r.asText());
                    } else {
                        List<String> rs = new ArrayList<>();
                        for (JsonNode e : r) if (e.isTextual() && !e.asText().isEmpty()) rs.add(e.asText());
                        rs.sort(java.util.Comparator.reverseOrder());
                        for (String one : rs) checkResourceFormat(one);
                    }
                    if (resourceError.isEmpty() && !legacyResourceOk(r)) return false;
                }
            }
            return true;
        }

        private static boolean legacyDate(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.indexOf('t') < 0 && lower.indexOf('-') < 0) {
                // a timestamp: seconds since the epoch, 0 .. 2^63-1
                if (lower.isEmpty() || lower.length() > 19) return false;
                for (int i = 0; i < lower.length(); i++) if (!Character.isDigit(lower.charAt(i))) return false;
                try {
                    Long.parseLong(lower);
                    return true;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            return DateValue.parse(value) != null;
        }

        private static boolean legacyResourceOk(JsonNode r) {
            List<String> values = new ArrayList<>();
            if (r.isTextual()) values.add(r.asText());
            else for (JsonNode e : r) if (e.isTextual() && !e.asText().isEmpty()) values.add(e.asText());
            for (String v : values) {
                if (v.equals("*")) continue;
                long colons = v.chars().filter(ch -> ch == ':').count();
                if (colons < 5 && v.contains("::")) return false;
                String[] parts = v.split(":", -1);
                if (parts.length > 2 && parts[2].isEmpty()) return false;
            }
            return true;
        }

        /** Records the last Resource format error (IAM reports it after the legacy-parsing and action checks). */
        private void checkResourceFormat(String resource) {
            if (resource.equals("*")) return;
            int c1 = resource.indexOf(':');
            if (c1 < 0) {
                resourceError = "Resource " + resource + " must be in ARN format or \"*\".";
                return;
            }
            String afterArn = resource.substring(c1 + 1);
            int c2 = afterArn.indexOf(':');
            String partition = c2 < 0 ? afterArn : afterArn.substring(0, c2);
            String rest = c2 < 0 ? "" : afterArn.substring(c2 + 1);
            if (!partition.equals("*") && !PARTITIONS.contains(partition)) {
                String[] parts = rest.split(":", -1);
                String a1 = !parts[0].isEmpty() || parts.length > 1 ? parts[0] : "*";
                String a2 = parts.length > 1 ? parts[1] : "*";
                String a3 = parts.length > 2 ? parts[2] : "*";
                String a4 = parts.length > 3 ? String.join(":", java.util.Arrays.copyOfRange(parts, 3, parts.length)) : "*";
                resourceError = "Partition \"" + partition + "\" is not valid for resource \"arn:" + partition + ":" + a1 + ":"
                        + a2 + ":" + a3 + ":" + a4 + "\".";
                return;
            }
            if (c2 < 0) {
                resourceError = "Resource vendor must be fully qualified and cannot contain regexes.";
                return;
            }
            int c3 = rest.indexOf(':');
            String service = c3 < 0 ? rest : rest.substring(0, c3);
            String afterService = c3 < 0 ? "" : rest.substring(c3 + 1);
            int c4 = afterService.indexOf(':');
            String region = c4 < 0 ? afterService : afterService.substring(0, c4);
            String afterRegion = c4 < 0 ? "" : afterService.substring(c4 + 1);
            int c5 = afterRegion.indexOf(':');
            String resourcePart = c5 < 0 ? "" : afterRegion.substring(c5 + 1);
            if (service.equals("iam") && !region.isEmpty()) {
                resourceError = "IAM resource " + resource + " cannot contain region information.";
                return;
            }
            if (service.equals("s3") && !region.isEmpty() && !resourcePart.startsWith("accesspoint/")) {
                resourceError = "Resource " + resource + " can not contain region information.";
                return;
            }
            if (service.equals("iam")) {
                boolean ok = false;
                for (String t : IAM_RESOURCE_TYPES) if (resourcePart.startsWith(t)) { ok = true; break; }
                if (!ok && !resourcePart.equals("*") && !resourcePart.equals("root")) {
                    resourceError = "IAM resource path must either be \"*\" or start with " + String.join(", ", IAM_RESOURCE_TYPES) + ".";
                }
            }
        }

        // ---------------------------------------------------------------- sids, actions, resources

        private void checkSids() {
            if (kind != PolicyKind.RESOURCE) {
                for (JsonNode s : statements) {
                    JsonNode sid = s.get("Sid");
                    if (sid == null) continue;
                    String text = sid.asText();
                    for (int i = 0; i < text.length(); i++) {
                        char ch = text.charAt(i);
                        boolean alnum = (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
                        if (!alnum) throw malformed(SID_NOT_ALPHANUMERIC);
                    }
                }
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode s : statements) {
                JsonNode sid = s.get("Sid");
                if (sid == null || sid.asText().isEmpty()) continue;
                if (!seen.add(sid.asText())) throw malformed(SID_NOT_UNIQUE);
            }
        }

        private boolean actionsPresent() {
            for (JsonNode s : statements) {
                JsonNode a = s.has("Action") ? s.get("Action") : s.get("NotAction");
                if (a == null) return false;
                if (a.isArray() && a.isEmpty()) return false;
            }
            return true;
        }

        private boolean resourcesPresent() {
            for (JsonNode s : statements) {
                JsonNode r = s.has("Resource") ? s.get("Resource") : s.get("NotResource");
                if (r == null) return false;
                if (r.isArray() && r.isEmpty()) return false;
            }
            return true;
        }

        private void checkActionPrefixes(String key) {
            for (JsonNode s : statements) {
                JsonNode a = s.get(key);
                if (a == null) continue;
                for (String action : texts(a)) checkActionPrefix(action);
            }
        }

        private static void checkActionPrefix(String action) {
            String[] parts = action.split(":", -1);
            if (parts.length == 1 && !parts[0].equals("*")) throw malformed(NO_VENDOR);
            if (parts.length > 2) throw malformed(ONE_COLON);
            String vendor = parts[0];
            if (vendor.equals("*")) return;
            for (int i = 0; i < vendor.length(); i++) {
                char ch = vendor.charAt(i);
                boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.';
                if (!ok) throw malformed("Vendor " + vendor + " is not valid");
            }
        }

        private void checkTrustActions() {
            for (JsonNode s : statements) {
                JsonNode a = s.has("Action") ? s.get("Action") : s.get("NotAction");
                if (s.has("NotAction")) continue;   // NotAction names what is excluded
                for (String action : texts(a)) {
                    String lower = action.toLowerCase(Locale.ROOT);
                    if (TRUST_POLICY_ACTIONS.contains(lower)) continue;
                    if (lower.equals("*") || (lower.startsWith("sts:") && (lower.contains("*") || lower.contains("?")))) continue;
                    throw malformed(TRUST_ACTIONS);
                }
            }
        }

        // ---------------------------------------------------------------- principals

        private void checkPrincipals(boolean trust) {
            for (JsonNode s : statements) {
                JsonNode p = s.has("Principal") ? s.get("Principal") : s.get("NotPrincipal");
                if (p.isTextual()) {
                    if (trust && !s.has("NotPrincipal")) throw malformed("AssumeRolepolicy contained an invalid principal: \"STAR\":\"*\".");
                    continue;
                }
                if (p.isEmpty()) throw malformed(trust ? TRUST_NO_PRINCIPAL : RESOURCE_POLICY_NO_PRINCIPAL);
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    String type = e.getKey();
                    List<String> ids = texts(e.getValue());
                    switch (type) {
                        case "AWS" -> {
                            for (String id : ids) if (!validAwsPrincipal(id)) throw invalidPrincipal("AWS", id);
                        }
                        case "Service" -> {
                            for (String id : ids) if (!validServicePrincipal(id)) throw invalidPrincipal("SERVICE", id);
                        }
                        case "Federated" -> {
                            for (String id : ids) if (id.isBlank()) throw invalidPrincipal("FEDERATED", id);
                        }
                        case "CanonicalUser" -> {
                            if (trust) for (String id : ids) throw invalidPrincipal("CANONICAL_USER", id);
                        }
                        default -> {
                            String first = ids.isEmpty() ? "" : ids.get(0);
                            throw invalidPrincipal(type, first);
                        }
                    }
                }
            }
        }

        static boolean validAwsPrincipal(String id) {
            if (id.equals("*")) return true;
            if (id.length() == 12 && id.chars().allMatch(Character::isDigit)) return true;
            if (!id.startsWith("arn:")) return false;
            if (id.indexOf('*') >= 0 || id.indexOf('?') >= 0) return false;
            String[] parts = id.split(":", 6);
            if (parts.length != 6) return false;
            if (!PARTITIONS.contains(parts[1]) || !parts[3].isEmpty()) return false;
            String account = parts[4];
            if (account.length() != 12 || !account.chars().allMatch(Character::isDigit)) return false;
            String res = parts[5];
            if (parts[2].equals("iam")) {
                return res.equals("root") || (res.startsWith("user/") && res.length() > 5)
                        || (res.startsWith("role/") && res.length() > 5)
                        || (res.startsWith("federated-user/") && res.length() > 15);
            }
            if (parts[2].equals("sts")) {
                if (res.startsWith("assumed-role/")) {
                    String rest = res.substring("assumed-role/".length());
                    int slash = rest.indexOf('/');
                    return slash > 0 && slash < rest.length() - 1;
                }
                return res.startsWith("federated-user/") && res.length() > 15;
            }
            return false;
        }

        static boolean validServicePrincipal(String id) {
            if (id.isEmpty() || id.indexOf('.') < 0) return false;
            for (int i = 0; i < id.length(); i++) {
                char ch = id.charAt(i);
                boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.';
                if (!ok) return false;
            }
            return true;
        }

        // ---------------------------------------------------------------- building the model

        private PolicyDocument build(String version) {
            boolean variables = PolicyDocument.CURRENT_VERSION.equals(version);
            List<SourcePosition[]> positions = statementPositions();
            List<Statement> out = new ArrayList<>(statements.size());
            for (int i = 0; i < statements.size(); i++) {
                JsonNode s = statements.get(i);
                SourcePosition[] pos = i < positions.size() ? positions.get(i) : new SourcePosition[2];
                out.add(statement(i, s, variables, pos[0], pos[1]));
            }
            JsonNode id = root.get("Id");
            return new PolicyDocument(version, id == null ? null : id.asText(), out);
        }

        private static Statement statement(int index, JsonNode s, boolean variables, SourcePosition start, SourcePosition end) {
            String sid = s.has("Sid") ? s.get("Sid").asText() : null;
            Effect effect = s.get("Effect").asText().equals("Allow") ? Effect.ALLOW : Effect.DENY;
            ActionElement action = null;
            if (s.has("Action")) action = ActionElement.of(false, texts(s.get("Action")));
            else if (s.has("NotAction")) action = ActionElement.of(true, texts(s.get("NotAction")));
            ResourceElement resource = null;
            if (s.has("Resource")) resource = ResourceElement.of(false, texts(s.get("Resource")), variables);
            else if (s.has("NotResource")) resource = ResourceElement.of(true, texts(s.get("NotResource")), variables);
            PrincipalElement principal = null;
            JsonNode p = s.has("Principal") ? s.get("Principal") : s.get("NotPrincipal");
            if (p != null) {
                boolean negated = s.has("NotPrincipal");
                if (p.isTextual()) {
                    principal = PrincipalElement.star(negated);
                } else {
                    Map<String, List<String>> values = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> e : p.properties()) {
                        values.put(e.getKey(), texts(e.getValue()));
                    }
                    principal = PrincipalElement.of(negated, values);
                }
            }
            List<Condition> conditions = new ArrayList<>();
            JsonNode c = s.get("Condition");
            if (c != null) {
                for (Map.Entry<String, JsonNode> op : c.properties()) {
                    ParsedOperator parsed = parseOperator(op.getKey());
                    if (parsed == null) continue;   // an unknown operator with no keys: nothing to test
                    for (Map.Entry<String, JsonNode> e : op.getValue().properties()) {
                        conditions.add(new Condition(op.getKey(), parsed.operator, parsed.qualifier, parsed.ifExists, e.getKey(),
                                texts(e.getValue()), variables));
                    }
                }
            }
            return new Statement(index, sid, effect, action, resource, principal, conditions, start, end);
        }

        /** The text positions of each statement object, from a streaming pass over the document. */
        private List<SourcePosition[]> statementPositions() {
            List<SourcePosition[]> out = new ArrayList<>();
            try (JsonParser p = FACTORY.createParser(json)) {
                if (p.nextToken() != JsonToken.START_OBJECT) return out;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if (!name.equals("Statement")) {
                        p.skipChildren();
                        continue;
                    }
                    out.clear();
                    if (t == JsonToken.START_OBJECT) {
                        out.add(span(p));
                    } else if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) out.add(span(p));
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (IOException e) {
                return new ArrayList<>();
            }
            return out;
        }

        private static SourcePosition[] span(JsonParser p) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            p.skipChildren();
            JsonLocation end = p.currentTokenLocation();
            return new SourcePosition[] {
                new SourcePosition(start.getLineNr(), start.getColumnNr()),
                new SourcePosition(end.getLineNr(), end.getColumnNr() + 1)
            };
        }
    }

    // -------------------------------------------------------------------- helpers

    record ParsedOperator(ConditionOperator operator, Condition.SetQualifier qualifier, boolean ifExists) {}

    /** Splits "ForAnyValue:StringLikeIfExists" into its parts; null for an unknown operator. */
    static ParsedOperator parseOperator(String text) {
        Condition.SetQualifier q = Condition.SetQualifier.NONE;
        String rest = text;
        if (rest.startsWith("ForAnyValue:")) {
            q = Condition.SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        } else if (rest.startsWith("ForAllValues:")) {
            q = Condition.SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        }
        boolean ifExists = false;
        if (rest.endsWith("IfExists")) {
            ifExists = true;
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        ConditionOperator op = ConditionOperator.byName(rest);
        return op == null ? null : new ParsedOperator(op, q, ifExists);
    }

    /** A string, or the strings of an array (nulls dropped); JSON booleans and numbers as their text. */
    static List<String> texts(JsonNode n) {
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) return List.of(n.asText());
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) if (!e.isNull()) out.add(e.asText());
        return out;
    }
}
