package io.berth;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything Berth is configured with.
 *
 * @param rootAccessKeyId     fixed root key id (CI), or null to create and keep one in the data directory
 * @param rootSecretAccessKey its secret, given together with the id
 * @param dockerHost          the Docker engine tasks run on
 * @param stoppedTaskRetention how long STOPPED tasks stay describable before they are pruned
 * @param iamEnforcement      whether IAM policies decide (off only for local play)
 * @param taskNetwork         whether tasks get real interfaces and firewalls (needs root), or addresses only
 * @param serviceHealthyAfter how long after RUNNING a service's task with no health check counts as healthy
 *                            (ECS: 40 seconds; tests set none)
 */
public record BerthConfig(String bind, int port, Path dataDir, String region, String accountId,
                          Duration maxClockSkew, String rootAccessKeyId, String rootSecretAccessKey,
                          String dockerHost, Duration stoppedTaskRetention, boolean iamEnforcement,
                          boolean taskNetwork, Duration serviceHealthyAfter) {
}
