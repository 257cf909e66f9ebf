package io.berth.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.berth.edge.AgentEndpoint;
import io.berth.edge.EdgeResponse;
import io.berth.edge.json.JsonCodec;
import io.berth.iam.StsSession;
import io.berth.iam.TaskRoleSessions;
import io.berth.kit.Scope;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials endpoint of a task role, as the ECS agent serves it at
 * AWS_CONTAINER_CREDENTIALS_FULL_URI: a GET with the task's token in the Authorization header
 * answers the role's temporary credentials, the same ones until they come within
 * {@link #REFRESH_BEFORE} of expiry (SDKs refresh before then). A task that is stopping or
 * stopped, an unknown task, a wrong token or a task without a role get no credentials. The
 * cache of credentials per task is a concurrent map; entries of tasks gone are dropped on use.
 */
public final class TaskCredentials implements AgentEndpoint {

    /** Every path under it is the credentials endpoint's, as the agent's /v2 routes are. */
    static final String PREFIX = "/v2/";
    static final String PATH = PREFIX + "credentials/";
    static final Duration REFRESH_BEFORE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TaskRecords records;
    private final TaskRoleSessions roles;
    private final InstantSource clock;
    private final Map<String, StsSession> issued = new ConcurrentHashMap<>();

    public TaskCredentials(TaskRecords records, TaskRoleSessions roles, InstantSource clock) {
        this.records = records;
        this.roles = roles;
        this.clock = clock;
    }

    /** The task's credentials path: its account, region, cluster and id. */
    static String path(StoredTask task) {
        return PATH + task.accountId() + "/" + task.region() + "/" + task.clusterName() + "/" + task.id();
    }

    static String newToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public EdgeResponse serve(Request request) {
        String method = request.method();
        String path = request.path();
        Map<String, List<String>> headers = request.headers();
        String[] parts = path.startsWith(PATH) ? path.substring(PATH.length()).split("/") : new String[0];
        if (!"GET".equals(method) || parts.length != 4) {
            return error(404, "InvalidIdInRequest", "CredentialsV2Request: Invalid credentials ID in request");
        }
        String taskArn = new Scope(parts[0], parts[1]).arn("ecs", "task/" + parts[2] + "/" + parts[3]).toString();
        String token = headers.getOrDefault("authorization", List.of("")).getFirst();
        Optional<StoredTask> task = records.get(taskArn)
                .filter(t -> t.credentialsToken() != null && sameToken(t.credentialsToken(), token));
        if (task.isEmpty()) {
            return error(400, "InvalidIdInRequest", "CredentialsV2Request: Credentials not found");
        }
        if ("STOPPED".equals(task.get().task().desiredStatus())) {
            issued.remove(taskArn);
            return error(400, "InvalidIdInRequest", "CredentialsV2Request: Credentials not found");
        }
        String roleArn = task.get().definition().taskRoleArn();
        if (roleArn == null) {
            return error(400, "InvalidIdInRequest", "CredentialsV2Request: Credentials not found");
        }
        StsSession session = issued.compute(taskArn, (arn, current) ->
                current != null && current.expiration().minus(REFRESH_BEFORE).isAfter(clock.instant())
                        ? current : roles.assume(roleArn, task.get().id()).orElse(null));
        if (session == null) {
            return error(400, "InvalidIdInRequest", "CredentialsV2Request: ECS was unable to assume the role '"
                    + roleArn + "' that was provided for this task. Please verify that the role being passed has the "
                    + "proper trust relationship and permissions.");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("RoleArn", roleArn);
        body.put("AccessKeyId", session.accessKeyId());
        body.put("SecretAccessKey", session.secretAccessKey());
        body.put("Token", session.sessionToken());
        body.put("Expiration", session.expiration().toString());
        return json(200, body);
    }

    private static boolean sameToken(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static EdgeResponse error(int status, String code, String message) {
        return json(status, Map.of("code", code, "message", message));
    }

    private static EdgeResponse json(int status, Map<String, String> body) {
        try {
            return new EdgeResponse(status, "application/json", JsonCodec.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
