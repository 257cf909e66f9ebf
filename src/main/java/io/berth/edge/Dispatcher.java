package io.berth.edge;

import io.berth.edge.json.JsonCodec;
import io.berth.edge.query.QueryXml;
import io.berth.edge.sigv4.SigV4Exception;
import io.berth.edge.sigv4.SigV4Verifier;
import io.berth.edge.sigv4.SignedRequest;
import io.berth.edge.sigv4.SigningSecret;
import io.berth.edge.sigv4.VerifiedSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The protocol-independent path of every API request: pick the protocol, verify the signature,
 * find the declared operation, decode, authorize, run, encode — and render any failure as the
 * protocol's AWS error.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Map<String, ServiceDefinition.Json> jsonByTarget;
    private final Map<String, ServiceDefinition.Query> queryBySigningName;
    private final Map<String, ServiceDefinition.Query> queryByVersion;
    private final SigV4Verifier verifier;
    private final CredentialRegistry credentials;
    private final Authorizer authorizer;
    private final ResourceTagLookup tags;
    private final InstantSource clock;

    /** @param tags the tags of resources, for policies that test aws:ResourceTag/… keys */
    public Dispatcher(List<ServiceDefinition> services, CredentialRegistry credentials, Authorizer authorizer,
                      ResourceTagLookup tags, InstantSource clock, Duration maxClockSkew) {
        this.jsonByTarget = services.stream().filter(s -> s instanceof ServiceDefinition.Json)
                .map(s -> (ServiceDefinition.Json) s)
                .collect(Collectors.toUnmodifiableMap(ServiceDefinition.Json::targetPrefix, Function.identity()));
        this.queryBySigningName = services.stream().filter(s -> s instanceof ServiceDefinition.Query)
                .map(s -> (ServiceDefinition.Query) s)
                .collect(Collectors.toUnmodifiableMap(ServiceDefinition.Query::signingName, Function.identity()));
        this.queryByVersion = queryBySigningName.values().stream()
                .collect(Collectors.toUnmodifiableMap(ServiceDefinition.Query::version, Function.identity()));
        this.credentials = credentials;
        this.authorizer = authorizer;
        this.tags = tags;
        this.clock = clock;
        this.verifier = new SigV4Verifier(
                accessKeyId -> credentials.find(accessKeyId)
                        .map(c -> new SigningSecret(c.secretAccessKey(), c.sessionToken())),
                clock, maxClockSkew);
    }

    public EdgeResponse dispatch(String requestId, String sourceIp, SignedRequest request) {
        long started = System.nanoTime();
        String target = header(request, "x-amz-target");
        Outcome outcome;
        if (target != null) {
            outcome = json(requestId, sourceIp, request, target);
        } else if (isQuery(request)) {
            outcome = query(requestId, sourceIp, request);
        } else {
            outcome = new Outcome("-", JsonCodec.error(
                    new AwsException("UnknownOperationException", 404, "No AWS operation is addressed by this request.")));
        }
        long micros = (System.nanoTime() - started) / 1000;
        int status = outcome.response().status();
        if (status >= 500) {
            log.error("request id={} op={} status={} micros={}", requestId, outcome.operation(), status, micros);
        } else if (log.isDebugEnabled() || status >= 400 && log.isInfoEnabled()) {
            String line = "request id={} op={} status={} micros={}";
            if (status >= 400) {
                log.info(line, requestId, outcome.operation(), status, micros);
            } else {
                log.debug(line, requestId, outcome.operation(), status, micros);
            }
        }
        return outcome.response();
    }

    private record Outcome(String operation, EdgeResponse response) {
    }

    private Outcome json(String requestId, String sourceIp, SignedRequest request, String target) {
        String opName = target;
        try {
            Authenticated caller = authenticate(request, Protocol.JSON);
            int dot = target.lastIndexOf('.');
            ServiceDefinition.Json service = dot < 0 ? null : jsonByTarget.get(target.substring(0, dot));
            Operation<?, ?> operation = service == null ? null : service.operations().get(target.substring(dot + 1));
            if (operation == null) {
                throw new AwsException(Protocol.JSON.unknownOperation, 400, null);
            }
            opName = operation.iamAction();
            requireScope(caller, service, Protocol.JSON);
            Object input = JsonCodec.decode(request.body(), operation.requestType());
            RequestContext context = context(requestId, sourceIp, caller);
            authorize(Protocol.JSON, context, operation, input);
            return new Outcome(opName, JsonCodec.encode(operation.invoke(context, input)));
        } catch (AwsException e) {
            return new Outcome(opName, JsonCodec.error(e));
        } catch (RuntimeException e) {
            log.error("request id={} op={} failed", requestId, opName, e);
            return new Outcome(opName, JsonCodec.error(internalFailure()));
        }
    }

    private Outcome query(String requestId, String sourceIp, SignedRequest request) {
        String form = isForm(request) ? new String(request.body(), StandardCharsets.UTF_8) : request.rawQuery();
        QueryParameters parameters;
        AwsException malformed = null;
        try {
            parameters = QueryParameters.parse(form);
        } catch (AwsException e) {
            // Answered once the signature names the service, so that it speaks the service's dialect.
            parameters = QueryParameters.parse(null);
            malformed = e;
        }
        String action = parameters.get("Action").orElse("-");
        String namespace = null;
        // Until the signature names the service, the API version tells which dialect an error must speak.
        ServiceDefinition.Dialect dialect = parameters.get("Version").map(queryByVersion::get)
                .map(ServiceDefinition.Query::dialect).orElse(ServiceDefinition.Dialect.AWS_QUERY);
        try {
            Authenticated caller = authenticate(request, Protocol.QUERY);
            ServiceDefinition.Query service = queryBySigningName.get(caller.signature().service());
            if (service == null) {
                throw new AwsException(Protocol.QUERY.unknownOperation, 400,
                        "Could not find operation " + action + " for service " + caller.signature().service());
            }
            namespace = service.xmlNamespace();
            dialect = service.dialect();
            if (malformed != null) {
                throw malformed;
            }
            if (parameters.get("Action").isEmpty()) {
                throw new AwsException("MissingAction", 400, "The request is missing an action or a required parameter.");
            }
            Operation<?, ?> operation = service.operations().get(action);
            if (operation == null) {
                throw new AwsException(Protocol.QUERY.unknownOperation, 400,
                        "Could not find operation " + action + " for version " + parameters.get("Version").orElse("NO_VERSION_SPECIFIED"));
            }
            return new Outcome(operation.iamAction(),
                    invokeQuery(requestId, sourceIp, caller, service, operation, parameters));
        } catch (AwsException e) {
            return new Outcome(action, queryError(e, dialect, namespace, requestId));
        } catch (RuntimeException e) {
            log.error("request id={} op={} failed", requestId, action, e);
            return new Outcome(action, queryError(internalFailure(), dialect, namespace, requestId));
        }
    }

    @SuppressWarnings("unchecked")
    private <Q, R> EdgeResponse invokeQuery(String requestId, String sourceIp, Authenticated caller,
                                            ServiceDefinition.Query service,
                                            Operation<Q, R> operation, QueryParameters parameters) {
        QueryCodec<Q, R> codec = (QueryCodec<Q, R>) service.codecs().get(operation.name());
        Q input = codec.decode(parameters);
        RequestContext context = context(requestId, sourceIp, caller);
        authorize(Protocol.QUERY, context, operation, input);
        service.dialect().stopDryRun(parameters);
        R output = operation.invoke(context, input);
        return service.dialect() == ServiceDefinition.Dialect.EC2
                ? QueryXml.ec2Response(operation.name(), service.xmlNamespace(), requestId, codec, output)
                : QueryXml.response(operation.name(), service.xmlNamespace(), requestId, codec, output);
    }

    private static EdgeResponse queryError(AwsException error, ServiceDefinition.Dialect dialect, String namespace,
                                           String requestId) {
        return dialect == ServiceDefinition.Dialect.EC2 ? QueryXml.ec2Error(error, requestId)
                : QueryXml.error(error, namespace, requestId);
    }

    private void authorize(Protocol protocol, RequestContext context, Operation<?, ?> operation, Object input) {
        Map<String, List<String>> conditionKeys = operation.conditionKeysOf(input);
        for (Operation.Permission permission : operation.permissionsFor(context, input)) {
            if (!authorizer.allows(context, permission.action(), permission.resource(), conditionKeys,
                    () -> tags.of(context, permission.resource()))) {
                throw new AwsException(protocol.accessDenied, protocol.authStatus, "User: " + context.principal().arn()
                        + " is not authorized to perform: " + permission.action() + " on resource: " + permission.resource());
            }
        }
    }

    private record Authenticated(VerifiedSignature signature, Principal principal) {
    }

    private Authenticated authenticate(SignedRequest request, Protocol protocol) {
        VerifiedSignature signature;
        try {
            signature = verifier.verify(request);
        } catch (SigV4Exception e) {
            throw authError(e, protocol);
        }
        Principal principal = credentials.find(signature.accessKeyId())
                .map(IssuedCredential::principal)
                .orElseThrow(() -> new AwsException(protocol.unknownKey, protocol.authStatus,
                        "The security token included in the request is invalid."));
        credentials.used(signature.accessKeyId(), signature.service(), signature.region(), clock.instant());
        return new Authenticated(signature, principal);
    }

    private static AwsException authError(SigV4Exception e, Protocol protocol) {
        String code = switch (e.failure()) {
            case MISSING_AUTHENTICATION -> protocol.missingToken;
            case INCOMPLETE_SIGNATURE -> protocol.incompleteSignature;
            case UNKNOWN_ACCESS_KEY, INVALID_SESSION_TOKEN -> protocol.unknownKey;
            case SIGNATURE_MISMATCH, EXPIRED -> protocol.badSignature;
        };
        int status = e.failure() == io.berth.edge.sigv4.Failure.INCOMPLETE_SIGNATURE ? 400 : protocol.authStatus;
        return new AwsException(code, status, e.getMessage());
    }

    private static void requireScope(Authenticated caller, ServiceDefinition service, Protocol protocol) {
        if (!caller.signature().service().equals(service.signingName())) {
            throw new AwsException(protocol.badSignature, protocol.authStatus,
                    "Credential should be scoped to correct service: '" + service.signingName() + "'. ");
        }
    }

    private RequestContext context(String requestId, String sourceIp, Authenticated caller) {
        return new RequestContext(requestId, caller.principal(), caller.signature().region(), clock.instant(), sourceIp);
    }

    private static AwsException internalFailure() {
        return new AwsException("InternalFailure", 500, "The request processing has failed because of an unknown error.", false);
    }

    private static boolean isQuery(SignedRequest request) {
        return isForm(request) || request.rawQuery() != null && (request.rawQuery().startsWith("Action=")
                || request.rawQuery().contains("&Action="));
    }

    private static boolean isForm(SignedRequest request) {
        String type = header(request, "content-type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(FORM);
    }

    private static String header(SignedRequest request, String name) {
        List<String> values = request.headers().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
