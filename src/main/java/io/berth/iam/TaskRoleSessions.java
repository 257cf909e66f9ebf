package io.berth.iam;

import io.berth.iam.policy.AuthorizationRequest;
import io.berth.iam.policy.PolicyEvaluator;
import io.berth.iam.policy.PolicyParser;
import io.berth.iam.policy.RequestPrincipal;

import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Temporary credentials of a task's role, as the ECS agent gets them: the role is assumed by the
 * service principal ecs-tasks.amazonaws.com (so its trust policy must allow that service), the
 * session is named after the task, and requests signed with the credentials are authorized as
 * that assumed role like any other STS session.
 */
public final class TaskRoleSessions {

    public static final String SERVICE = "ecs-tasks.amazonaws.com";
    /** How long task role credentials last; the credentials endpoint hands out fresh ones well before. */
    public static final Duration LIFETIME = Duration.ofHours(6);

    private final IamDirectory directory;
    private final Sessions sessions;
    private final SessionKeys keys;
    private final InstantSource clock;

    public TaskRoleSessions(IamDirectory directory, Sessions sessions, InstantSource clock) {
        this.directory = directory;
        this.sessions = sessions;
        this.keys = new SessionKeys(IamIds.random());
        this.clock = clock;
    }

    /** New credentials for the role, or empty when there is no such role or it does not trust ECS tasks. */
    public Optional<StsSession> assume(String roleArn, String sessionName) {
        return directory.roleByArn(roleArn).filter(TaskRoleSessions::trustsEcsTasks).map(role -> {
            StsSession session = new StsSession(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken(),
                    role.accountId(), role.roleName(), role.roleId(), sessionName, null, null, null, Map.of(),
                    clock.instant().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS));
            sessions.save(session);
            return session;
        });
    }

    private static boolean trustsEcsTasks(IamDirectory.RoleInfo role) {
        return PolicyEvaluator.isAllowed(AuthorizationRequest.builder(RequestPrincipal.service(SERVICE),
                "sts:AssumeRole", role.arn()).trustPolicy(PolicyParser.parseStored(role.trustPolicy())).build());
    }
}
