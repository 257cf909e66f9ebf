package io.berth;

import ch.qos.logback.classic.Level;
import io.berth.iam.RootCredentials;
import io.berth.store.StoreException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The {@code berth} command line. */
@Command(name = "berth", mixinStandardHelpOptions = true, versionProvider = Berth.VersionProvider.class,
        description = "Berth: AWS Fargate you can run yourself.",
        subcommands = {Berth.Up.class, Berth.PrintCredentials.class, Berth.PrintVersion.class,
                CommandLine.HelpCommand.class})
public final class Berth {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Berth());
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("berth: " + e.getMessage() + " (see 'bin/berth " + commandName(e) + " --help')");
            return 2;
        });
        System.exit(cli.execute(args));
    }

    private static String commandName(CommandLine.ParameterException e) {
        String name = e.getCommandLine().getCommandName();
        return "berth".equals(name) ? "" : name;
    }

    /** Options every subcommand that locates a Berth shares. */
    static final class Location {
        @Option(names = "--data-dir", defaultValue = "${env:BERTH_DATA_DIR:-.berth}",
                description = "Where Berth keeps its state and root credentials (env BERTH_DATA_DIR; default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--bind", defaultValue = "${env:BERTH_BIND:-127.0.0.1}",
                description = "Address to listen on (env BERTH_BIND; default: ${DEFAULT-VALUE}).")
        String bind;

        @Option(names = "--port", defaultValue = "${env:BERTH_PORT:-4566}",
                description = "Port of the AWS endpoint (env BERTH_PORT; default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--region", defaultValue = "${env:BERTH_REGION:-us-east-1}",
                description = "Default region printed for clients (env BERTH_REGION; default: ${DEFAULT-VALUE}). "
                        + "Berth serves every region: the one a request is signed for.")
        String region;

        @Option(names = "--access-key-id", defaultValue = "${env:BERTH_ACCESS_KEY_ID}",
                description = "Fixed root access key id instead of a generated one (env BERTH_ACCESS_KEY_ID).")
        String accessKeyId;

        @Option(names = "--secret-access-key", defaultValue = "${env:BERTH_SECRET_ACCESS_KEY}",
                description = "Secret of the fixed root access key (env BERTH_SECRET_ACCESS_KEY).")
        String secretAccessKey;

        void requireKeyPair() {
            if ((accessKeyId == null) != (secretAccessKey == null)) {
                throw new UserError("Give both --access-key-id and --secret-access-key "
                        + "(BERTH_ACCESS_KEY_ID and BERTH_SECRET_ACCESS_KEY), or neither.");
            }
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start Berth in the foreground and serve the AWS APIs until stopped.")
    static final class Up implements Callable<Integer> {
        @CommandLine.Mixin
        Location location = new Location();

        @Option(names = "--account-id", defaultValue = "${env:BERTH_ACCOUNT_ID:-000000000000}",
                description = "The AWS account id Berth's resources live in (env BERTH_ACCOUNT_ID; default: ${DEFAULT-VALUE}).")
        String accountId;

        @Option(names = "--log-level", defaultValue = "${env:BERTH_LOG_LEVEL:-info}",
                description = "error, warn, info, debug or trace (env BERTH_LOG_LEVEL; default: ${DEFAULT-VALUE}).")
        String logLevel;

        @Option(names = "--max-clock-skew", defaultValue = "${env:BERTH_MAX_CLOCK_SKEW:-300}",
                description = "Seconds a signed request's X-Amz-Date may differ from Berth's clock "
                        + "(env BERTH_MAX_CLOCK_SKEW; default: ${DEFAULT-VALUE}).")
        long maxClockSkewSeconds;

        @Option(names = "--docker-host", defaultValue = "${env:DOCKER_HOST}",
                description = "The Docker engine tasks run on (env DOCKER_HOST). Default: a private engine Berth "
                        + "starts under DATA_DIR/docker (installing Debian's docker.io if needed, as root).")
        String dockerHost;

        @Option(names = "--stopped-task-retention", defaultValue = "${env:BERTH_STOPPED_TASK_RETENTION:-3600}",
                description = "Seconds STOPPED tasks stay describable before they are pruned with their containers "
                        + "(env BERTH_STOPPED_TASK_RETENTION; default: ${DEFAULT-VALUE}).")
        long stoppedTaskRetentionSeconds;

        @Option(names = "--service-healthy-after", defaultValue = "${env:BERTH_SERVICE_HEALTHY_AFTER:-40}",
                description = "Seconds after RUNNING a service's task without health checks counts as healthy, as "
                        + "ECS counts it (env BERTH_SERVICE_HEALTHY_AFTER; default: ${DEFAULT-VALUE}).")
        long serviceHealthyAfterSeconds;

        @Option(names = "--iam-enforcement", defaultValue = "${env:BERTH_IAM_ENFORCEMENT:-on}",
                description = "on: IAM policies decide every request, as on AWS; off: every signed request is allowed "
                        + "(local play only; said loudly at start) (env BERTH_IAM_ENFORCEMENT; default: ${DEFAULT-VALUE}).")
        String iamEnforcement;

        @Option(names = "--task-network", defaultValue = "${env:BERTH_TASK_NETWORK:-on}",
                description = "on: each task gets a real interface in its VPC with its security groups enforced "
                        + "(needs root); off: tasks get their addresses in the API only (said loudly at start) "
                        + "(env BERTH_TASK_NETWORK; default: ${DEFAULT-VALUE}).")
        String taskNetwork;

        @Override
        public Integer call() {
            try {
                location.requireKeyPair();
                if (!iamEnforcement.equals("on") && !iamEnforcement.equals("off")) {
                    throw new UserError("--iam-enforcement must be on or off, not '" + iamEnforcement + "'.");
                }
                if (!taskNetwork.equals("on") && !taskNetwork.equals("off")) {
                    throw new UserError("--task-network must be on or off, not '" + taskNetwork + "'.");
                }
                if (!accountId.matches("\\d{12}")) {
                    throw new UserError("--account-id must be 12 digits, not '" + accountId + "'.");
                }
                setLogLevel(logLevel);
                Path dataDir = location.dataDir.toAbsolutePath();
                createDataDir(dataDir);
                BerthConfig config = new BerthConfig(location.bind, location.port, dataDir,
                        location.region, accountId, Duration.ofSeconds(maxClockSkewSeconds),
                        location.accessKeyId, location.secretAccessKey,
                        dockerHost != null ? dockerHost : PrivateEngine.start(dataDir.resolve("docker")),
                        Duration.ofSeconds(stoppedTaskRetentionSeconds), iamEnforcement.equals("on"),
                        taskNetwork.equals("on"), Duration.ofSeconds(serviceHealthyAfterSeconds));
                BerthServer server = start(config);
                CountDownLatch stopped = new CountDownLatch(1);
                // Ctrl-C, SIGTERM: Berth stops serving and removes its spare sandboxes; running
                // tasks keep running, for the next start to re-adopt.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } finally {
                        stopped.countDown();
                    }
                }));
                System.out.println("Berth " + Version.VALUE + " is serving the AWS APIs at " + server.endpoint()
                        + " (data in " + config.dataDir() + ", account " + accountId + ").");
                System.out.println("Point your AWS clients at it with:");
                System.out.print(exports(server.rootCredentials(), server.endpoint(), location.region));
                System.out.flush();
                stopped.await();
                return 0;
            } catch (UserError e) {
                System.err.println("berth: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }

        private static void createDataDir(Path dataDir) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UserError("cannot use the data directory " + dataDir + ": " + e.getMessage()
                        + ". Pass --data-dir with a directory Berth may write.");
            }
        }

        private static BerthServer start(BerthConfig config) {
            try {
                return BerthServer.start(config, InstantSource.system());
            } catch (BindException e) {
                throw new UserError("cannot listen on " + config.bind() + ":" + config.port() + " (" + e.getMessage()
                        + "): stop what uses that port or pass --port.");
            } catch (IOException | StoreException e) {
                throw new UserError("cannot use the data directory " + config.dataDir() + ": " + e.getMessage()
                        + ". Pass --data-dir with a directory Berth may write.");
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new UserError("cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage());
            }
        }

        private static void setLogLevel(String level) {
            Level parsed = Level.toLevel(level, null);
            if (parsed == null) {
                throw new UserError("--log-level must be one of error, warn, info, debug, trace; not '" + level + "'.");
            }
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(parsed);
        }
    }

    @Command(name = "credentials", mixinStandardHelpOptions = true,
            description = "Print shell exports that point AWS clients at Berth: eval \"$(bin/berth credentials)\".")
    static final class PrintCredentials implements Callable<Integer> {
        @CommandLine.Mixin
        Location location = new Location();

        @Override
        public Integer call() {
            try {
                location.requireKeyPair();
                RootCredentials root;
                if (location.accessKeyId != null) {
                    root = new RootCredentials(location.accessKeyId, location.secretAccessKey);
                } else {
                    Path file = location.dataDir.resolve(RootCredentials.FILE);
                    if (!Files.exists(file)) {
                        throw new UserError("no credentials in " + location.dataDir.toAbsolutePath()
                                + " yet: start Berth once with 'bin/berth up' (same --data-dir).");
                    }
                    root = RootCredentials.read(file);
                }
                String host = "0.0.0.0".equals(location.bind) ? "127.0.0.1" : location.bind;
                System.out.print(exports(root, "http://" + host + ":" + location.port, location.region));
                return 0;
            } catch (UserError e) {
                System.err.println("berth: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                System.err.println("berth: cannot read the credentials in " + location.dataDir + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "version", description = "Print Berth's version.")
    static final class PrintVersion implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println("berth " + Version.VALUE);
            return 0;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"berth " + Version.VALUE};
        }
    }

    static String exports(RootCredentials root, String endpoint, String region) {
        return "export AWS_ACCESS_KEY_ID=" + root.accessKeyId() + "\n"
                + "export AWS_SECRET_ACCESS_KEY=" + root.secretAccessKey() + "\n"
                + "export AWS_DEFAULT_REGION=" + region + "\n"
                + "export AWS_REGION=" + region + "\n"
                + "export AWS_ENDPOINT_URL=" + endpoint + "\n";
    }

    /** A problem the user can fix, reported as one line without a stack trace. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message, null, false, false);
        }
    }
}
