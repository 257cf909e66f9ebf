package io.berth.iam;

import io.berth.edge.AwsException;
import io.berth.edge.Operation;
import io.berth.edge.Principal;
import io.berth.edge.QueryCodec;
import io.berth.edge.QueryParameters;
import io.berth.edge.RequestContext;
import io.berth.edge.ServiceDefinition;
import io.berth.edge.query.QueryXml;
import io.berth.iam.policy.PolicyEvaluator;
import io.berth.iam.policy.PolicyKind;
import io.berth.iam.policy.PolicyParser;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
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

    public record CallerIdentity(String userId, String account, String arn) {
    }

    public record AssumeRoleRequest(String roleArn, String roleSessionName, Integer durationSeconds, String policy,
                                    Map<String, String> tags) {
    }

    public record GetSessionTokenRequest(Integer durationSeconds) {
    }

    public record Issued(StsSession session, String assumedRoleId) {
    }

    public static ServiceDefinition definition(IamDirectory directory, Sessions sessions, PolicyAuthorizer policies,
                                               InstantSource clock) {
        StsApi sts = new StsApi(directory, sessions, policies, IamIds.random());
        return new ServiceDefinition.Query("sts", VERSION, NAMESPACE, List.of(
                // Any valid credential may ask who it is: AWS checks no permission, so no resources.
                new ServiceDefinition.QueryBinding<>(Operation.of("sts", "GetCallerIdentity",
                        GetCallerIdentityRequest.class, (c, r) -> List.of(), StsApi::getCallerIdentity),
                        new Codec<>(p -> new GetCallerIdentityRequest(), (identity, xml) -> {
                            QueryXml.element(xml, "Arn", identity.arn());
                            QueryXml.element(xml, "UserId", identity.userId());
                            QueryXml.element(xml, "Account", identity.account());
                        })),
                // The trust policy and the caller's own policies are evaluated together inside the handler.
                new ServiceDefinition.QueryBinding<>(Operation.of("sts", "AssumeRole", AssumeRoleRequest.class,
                        (c, r) -> List.of(), sts::assumeRole),
                        new Codec<>(StsApi::assumeRoleRequest, StsApi::writeAssumeRole)),
                new ServiceDefinition.QueryBinding<>(Operation.of("sts", "GetSessionToken", GetSessionTokenRequest.class,
                        (c, r) -> List.of(), sts::getSessionToken),
                        new Codec<>(p -> new GetSessionTokenRequest(p.get("DurationSeconds").map(StsApi::integer).orElse(null)),
                                (issued, xml) -> writeCredentials(issued.session(), xml)))));
    }

    static CallerIdentity getCallerIdentity(RequestContext context, GetCallerIdentityRequest request) {
        return new CallerIdentity(context.principal().userId(), context.accountId(), context.principal().arn());
    }

    Issued assumeRole(RequestContext context, AssumeRoleRequest request) {
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
                request.tags(), expiration);
        sessions.save(session);
        return new Issued(session, role.roleId() + ":" + request.roleSessionName());
    }

    Issued getSessionToken(RequestContext context, GetSessionTokenRequest request) {
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
        return new Issued(session, null);
    }

    private static AssumeRoleRequest assumeRoleRequest(QueryParameters parameters) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; parameters.get("Tags.member." + i + ".Key").isPresent(); i++) {
            tags.put(parameters.get("Tags.member." + i + ".Key").orElseThrow(),
                    parameters.get("Tags.member." + i + ".Value").orElse(""));
        }
        return new AssumeRoleRequest(parameters.get("RoleArn").orElse(null), parameters.get("RoleSessionName").orElse(null),
                parameters.get("DurationSeconds").map(StsApi::integer).orElse(null), parameters.get("Policy").orElse(null),
                Map.copyOf(tags));
    }

    private static void writeAssumeRole(Issued issued, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("AssumedRoleUser");
        QueryXml.element(xml, "AssumedRoleId", issued.assumedRoleId());
        QueryXml.element(xml, "Arn", issued.session().arn());
        xml.writeEndElement();
        writeCredentials(issued.session(), xml);
    }

    private static void writeCredentials(StsSession session, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("Credentials");
        QueryXml.element(xml, "AccessKeyId", session.accessKeyId());
        QueryXml.element(xml, "SecretAccessKey", session.secretAccessKey());
        QueryXml.element(xml, "SessionToken", session.sessionToken());
        QueryXml.element(xml, "Expiration", DateTimeFormatter.ISO_INSTANT.format(session.expiration()));
        xml.writeEndElement();
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new AwsException("ValidationError", 400, "Invalid value for DurationSeconds: " + text);
        }
    }

    private static AwsException validation(String member, String value, String constraint) {
        return new AwsException("ValidationError", 400, "1 validation error detected: Value '" + value + "' at '"
                + member + "' failed to satisfy constraint: " + constraint);
    }

    /** A Query codec from a decoding function and a writer of the result's children. */
    private record Codec<Q, R>(java.util.function.Function<QueryParameters, Q> decoder, Writer<R> writer)
            implements QueryCodec<Q, R> {
        @Override
        public Q decode(QueryParameters parameters) {
            return decoder.apply(parameters);
        }

        @Override
        public void encodeResult(R response, XMLStreamWriter xml) throws XMLStreamException {
            writer.write(response, xml);
        }
    }

    @FunctionalInterface
    private interface Writer<R> {
        void write(R response, XMLStreamWriter xml) throws XMLStreamException;
    }
}
