package io.berth.iam;

import io.berth.edge.AwsException;
import io.berth.edge.Operation;
import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import io.berth.edge.ServiceDefinition;
import io.berth.edge.ServiceModule;
import io.berth.iam.policy.PolicyEvaluator;
import io.berth.iam.policy.PolicyKind;
import io.berth.iam.policy.PolicyParser;
import io.berth.kit.ValidationMessages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** AWS STS over the Query protocol: who am I, and temporary credentials. */
public final class StsApi {

    public static final String VERSION = "2011-06-15";
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final int SESSION_POLICY_LIMIT = 2048;

    private final IamDirectory directory;
    private final Sessions sessions;
    private final PolicyAuthorizer policies;
    private final SessionKeys keys;

    private StsApi(IamDirectory directory, Sessions sessions, PolicyAuthorizer policies, IamIds ids) {
        this.directory = directory;
        this.sessions = sessions;
        this.policies = policies;
        this.keys = new SessionKeys(ids);
    }

    public record GetCallerIdentityRequest() {
    }

    public record CallerIdentity(String arn, String userId, String account) {
    }

    public record AssumeRoleRequest(String roleArn, String roleSessionName, Integer durationSeconds, String policy,
                                    List<Tag> tags) {
    }

    public record Tag(String key, String value) {
    }

    public record GetSessionTokenRequest(Integer durationSeconds) {
    }

    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        static Credentials of(StsSession session) {
            return new Credentials(session.accessKeyId(), session.secretAccessKey(), session.sessionToken(),
                    session.expiration());
        }
    }

    public record AssumedRoleUser(String assumedRoleId, String arn) {
    }

    public record AssumeRoleResult(AssumedRoleUser assumedRoleUser, Credentials credentials) {
    }

    public record GetSessionTokenResult(Credentials credentials) {
    }

    /** STS, whose sessions are no resources a policy condition reads tags of. */
    public static ServiceModule module(IamDirectory directory, Sessions sessions, PolicyAuthorizer policies) {
        StsApi sts = new StsApi(directory, sessions, policies, IamIds.random());
        return ServiceModule.of(new ServiceDefinition.Query("sts", VERSION, NAMESPACE, List.of(
                // Any valid credential may ask who it is; AWS lets no policy deny it.
                Operation.named("sts", "GetCallerIdentity", GetCallerIdentityRequest.class).allowedToEveryCaller()
                        .handledBy(StsApi::getCallerIdentity),
                // The role's trust policy and the caller's own policies are evaluated together there.
                Operation.named("sts", "AssumeRole", AssumeRoleRequest.class).authorizedInHandler()
                        .handledBy(sts::assumeRole),
                // AWS: no permission is needed, and policies cannot control authentication operations.
                Operation.named("sts", "GetSessionToken", GetSessionTokenRequest.class).allowedToEveryCaller()
                        .handledBy(sts::getSessionToken))), "sts");
    }

    static CallerIdentity getCallerIdentity(RequestContext context, GetCallerIdentityRequest request) {
        return new CallerIdentity(context.principal().arn(), context.principal().userId(), context.accountId());
    }

    AssumeRoleResult assumeRole(RequestContext context, AssumeRoleRequest request) {
        Principal caller = context.principal();
        if (request.roleArn() == null || request.roleArn().length() < 20) {
            throw validation("roleArn", request.roleArn(), "Member must have length greater than or equal to 20");
        }
        if (request.roleSessionName() == null || !SESSION_NAME.matcher(request.roleSessionName()).matches()) {
            throw validation("roleSessionName", request.roleSessionName(),
                    "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        if (caller.kind() == Principal.Kind.ROOT) {
            throw new AwsException("AccessDenied", 403, "Roles may not be assumed by root accounts.");
        }
        AwsException denied = new AwsException("AccessDenied", 403, "User: " + caller.arn()
                + " is not authorized to perform: sts:AssumeRole on resource: " + request.roleArn());
        IamDirectory.RoleInfo role = directory.roleByArn(request.roleArn()).orElseThrow(() -> denied);
        int duration = request.durationSeconds() == null ? 3600 : request.durationSeconds();
        if (duration < 900) {
            throw validation("durationSeconds", String.valueOf(duration), "Member must have value greater than or equal to 900");
        }
        if (duration > role.maxSessionDuration()) {
            throw new AwsException("ValidationError", 400,
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        if (request.policy() != null) {
            if (request.policy().length() > SESSION_POLICY_LIMIT) {
                throw new AwsException("PackedPolicyTooLarge", 400,
                        "Packed policy consumes more than 100 percent of the allotted size.");
            }
            PolicyDocuments.validate(request.policy(), PolicyKind.SESSION);
        }
        boolean allowed = policies.requestFor(caller, "sts:AssumeRole", role.arn())
                .map(builder -> PolicyEvaluator.isAllowed(PolicyAuthorizer.withContext(builder, context)
                        .trustPolicy(PolicyParser.parseStored(role.trustPolicy())).build()))
                .orElse(false);
        if (!allowed) {
            throw denied;
        }
        Instant expiration = context.receivedAt().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS);
        StsSession session = new StsSession(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken(), role.accountId(),
                role.roleName(), role.roleId(), request.roleSessionName(), null, null, request.policy(),
                sessionTags(request.tags()), expiration);
        sessions.save(session);
        return new AssumeRoleResult(new AssumedRoleUser(role.roleId() + ":" + request.roleSessionName(), session.arn()),
                Credentials.of(session));
    }

    GetSessionTokenResult getSessionToken(RequestContext context, GetSessionTokenRequest request) {
        Principal caller = context.principal();
        if (caller.kind() == Principal.Kind.ASSUMED_ROLE || caller.accessKeyId().startsWith("ASIA")) {
            throw new AwsException("AccessDenied", 403, "Cannot call GetSessionToken with session credentials");
        }
        boolean root = caller.kind() == Principal.Kind.ROOT;
        int duration = request.durationSeconds() == null ? (root ? 3600 : 43200) : request.durationSeconds();
        int maximum = root ? 3600 : 129600;
        if (duration < 900 || duration > maximum) {
            throw validation("durationSeconds", String.valueOf(duration),
                    "Member must have value " + (duration < 900 ? "greater than or equal to 900" : "less than or equal to " + maximum));
        }
        String userName = root ? null : caller.arn().substring(caller.arn().lastIndexOf('/') + 1);
        StsSession session = new StsSession(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken(), caller.accountId(),
                null, null, null, userName, caller.userId(), null, Map.of(),
                context.receivedAt().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS));
        sessions.save(session);
        return new GetSessionTokenResult(Credentials.of(session));
    }

    /** The session's tags by key, a tag sent without a value having the empty one. */
    private static Map<String, String> sessionTags(List<Tag> tags) {
        Map<String, String> byKey = new LinkedHashMap<>();
        if (tags != null) {
            tags.forEach(tag -> byKey.put(tag.key(), tag.value() == null ? "" : tag.value()));
        }
        return Map.copyOf(byKey);
    }

    private static AwsException validation(String member, String value, String constraint) {
        return new AwsException("ValidationError", 400, ValidationMessages.one(value, member, constraint));
    }
}
