package io.berth;

import io.berth.control.ServiceScheduler;
import io.berth.control.TaskController;
import io.berth.ec2.Ec2Api;
import io.berth.ec2.Networks;
import io.berth.ecs.EcsApi;
import io.berth.ecs.IdGenerator;
import io.berth.ecs.ServiceRecords;
import io.berth.ecs.scheduler.Timings;
import io.berth.ecs.TaskCredentials;
import io.berth.ecs.TaskMetadata;
import io.berth.ecs.TaskProtectionEndpoint;
import io.berth.ecs.TaskRecords;
import io.berth.ecs.TaskSignal;
import io.berth.elb.ElbApi;
import io.berth.edge.Dispatcher;
import io.berth.edge.HttpEdge;
import io.berth.edge.Route;
import io.berth.edge.ServiceModule;
import io.berth.edge.Authorizer;
import io.berth.iam.Credentials;
import io.berth.iam.IamApi;
import io.berth.iam.IamDirectory;
import io.berth.iam.PolicyAuthorizer;
import io.berth.iam.Sessions;
import io.berth.iam.RootCredentials;
import io.berth.iam.StsApi;
import io.berth.iam.TaskRoleSessions;
import io.berth.logs.LogEvents;
import io.berth.logs.LogsApi;
import io.berth.net.LinuxTaskNetwork;
import io.berth.net.Privileges;
import io.berth.net.TaskNetwork;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.RuntimeUnavailableException;
import io.berth.runtime.docker.DockerRuntime;
import io.berth.store.SqliteStore;
import io.berth.store.Store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Berth: the store, the services and the HTTP edge, wired together. */
public final class BerthServer implements AutoCloseable {

    public static final String STORE_FILE = "berth.db";

    private static final Logger log = LoggerFactory.getLogger(BerthServer.class);
    private static final Duration CONTROL_INTERVAL = Duration.ofSeconds(1);
    /** Sandboxes kept ready so a launch starts only the task's own containers. */
    private static final int SANDBOX_POOL_SIZE = 2;
    /** The agent endpoints take GETs; nothing they serve needs a body. */
    private static final long AGENT_BODY_LIMIT = 64 * 1024;

    private final Store store;
    private final HttpEdge edge;
    private final RootCredentials rootCredentials;
    private final ContainerRuntime runtime;
    private final TaskController controller;
    private final ServiceScheduler scheduler;
    private final String instance;

    private BerthServer(Store store, HttpEdge edge, RootCredentials rootCredentials, ContainerRuntime runtime,
                        TaskController controller, ServiceScheduler scheduler, String instance) {
        this.scheduler = scheduler;
        this.instance = instance;
        this.store = store;
        this.edge = edge;
        this.rootCredentials = rootCredentials;
        this.runtime = runtime;
        this.controller = controller;
    }

    public static BerthServer start(BerthConfig config, InstantSource clock) throws IOException {
        Files.createDirectories(config.dataDir());
        RootCredentials root = config.rootAccessKeyId() != null
                ? new RootCredentials(config.rootAccessKeyId(), config.rootSecretAccessKey())
                : RootCredentials.loadOrCreate(config.dataDir());
        // The port first: a taken one ends the start before anything else is made.
        HttpEdge edge = HttpEdge.bind(new InetSocketAddress(config.bind(), config.port()), Version.VALUE);
        Store store = null;
        ContainerRuntime runtime = null;
        TaskController controller = null;
        ServiceScheduler scheduler = null;
        try {
            store = SqliteStore.open(config.dataDir().resolve(STORE_FILE));
            String instance = InstanceId.loadOrCreate(config.dataDir());
            RuntimeConnection connection = connectRuntime(config.dockerHost(), instance);
            runtime = connection.runtime();
            Networks networks = new Networks(store, clock);
            TaskRecords records = new TaskRecords(store);
            TaskNetwork dataPlane = runtime == null ? TaskNetwork.ADDRESSES_ONLY : dataPlane(config);
            String taskEndpoint = openTaskEndpoint(edge, dataPlane);
            if (runtime != null) {
                controller = new TaskController(records, runtime, new LogEvents(store, clock), networks, dataPlane, clock,
                        new TaskController.Settings(config.stoppedTaskRetention(), CONTROL_INTERVAL,
                                config.dataDir().resolve("volumes"), taskEndpoint));
            }
            TaskSignal taskController = controller == null ? () -> { } : controller;
            IdGenerator ids = IdGenerator.random();
            if (runtime != null) {
                scheduler = new ServiceScheduler(new ServiceRecords(store, networks, ids), timings(config),
                        taskController, clock, ids, CONTROL_INTERVAL);
            }
            ServiceScheduler services = scheduler;
            Runnable servicesChanged = services == null ? () -> { } : services::changed;
            // A task changed by an API call may concern a service: its scheduler looks again too.
            TaskSignal signal = () -> {
                taskController.taskChanged();
                servicesChanged.run();
            };
            IamDirectory directory = new IamDirectory(store);
            Sessions sessions = new Sessions(store);
            PolicyAuthorizer policies = new PolicyAuthorizer(directory, sessions);
            Authorizer authorizer = config.iamEnforcement() ? policies : (context, action, resource, keys, tags) -> true;
            boolean tasksRun = runtime != null;
            List<Route> agentRoutes = new ArrayList<>();
            agentRoutes.add(Route.agent("task-credentials",
                    new TaskCredentials(records, new TaskRoleSessions(directory, sessions, clock), clock), AGENT_BODY_LIMIT));
            if (runtime != null) {
                agentRoutes.add(Route.agent("task-metadata",
                        new TaskMetadata(records, runtime::stats, dataPlane != TaskNetwork.ADDRESSES_ONLY), AGENT_BODY_LIMIT));
                agentRoutes.add(Route.agent("task-protection", new TaskProtectionEndpoint(records, clock, servicesChanged,
                        dataPlane != TaskNetwork.ADDRESSES_ONLY), AGENT_BODY_LIMIT));
            }
            List<ServiceModule> modules = List.of(
                    EcsApi.module(store, ids, () -> tasksRun, signal, servicesChanged, networks, agentRoutes),
                    StsApi.module(directory, sessions, policies),
                    LogsApi.module(store, clock),
                    Ec2Api.module(store, clock, signal::taskChanged),
                    ElbApi.module(store, clock, networks),
                    IamApi.module(store, clock, directory));
            Dispatcher dispatcher = new Dispatcher(modules.stream().map(ServiceModule::api).toList(),
                    new Credentials(config.accountId(), root, directory, sessions, clock), authorizer,
                    ServiceModule.tagsOf(modules), clock, config.maxClockSkew());
            if (controller != null) {
                controller.start();
            }
            if (scheduler != null) {
                scheduler.start();
            }
            List<Route> routes = new ArrayList<>();
            modules.forEach(module -> routes.addAll(module.routes()));
            routes.add(ServiceModule.apiRoute(dispatcher));
            edge.start(routes);
            reportRuntime(connection, config.dockerHost());
            if (!config.iamEnforcement()) {
                log.warn("IAM ENFORCEMENT IS OFF: every signed request is allowed, whatever the caller's policies say. "
                        + "Never run Berth like this where others can reach it.");
            }
            return new BerthServer(store, edge, root, runtime, controller, scheduler, instance);
        } catch (IOException | RuntimeException e) {
            edge.close();
            if (scheduler != null) {
                scheduler.close();
            }
            if (controller != null) {
                controller.close();
            }
            if (runtime != null) {
                runtime.close();
            }
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    /** ECS's scheduler timings, but for when a task without health checks counts as healthy, as configured. */
    private static Timings timings(BerthConfig config) {
        Timings ecs = Timings.ECS;
        return new Timings(config.serviceHealthyAfter(), ecs.throttleBase(), ecs.throttleMax(), ecs.repeatNoticeAfter());
    }

    /**
     * Readies the host for task networks and makes the agent routes listen where tasks reach them;
     * answers that address: the agent address on the API's port when tasks have a network, else a
     * port of the agent's own on the bind address (so the API port's paths stay the APIs').
     */
    private static String openTaskEndpoint(HttpEdge edge, TaskNetwork dataPlane) throws IOException {
        Optional<InetAddress> agent = dataPlane.prepareHost();
        if (agent.isEmpty()) {
            InetSocketAddress own = edge.listenForAgentOnOwnPort();
            return "http://" + own.getHostString() + ":" + own.getPort();
        }
        edge.listenForAgentOn(agent.get());
        return "http://" + agent.get().getHostAddress() + ":" + edge.address().getPort();
    }

    /** The kernel's data plane when asked for and permitted; else addresses in the API only, said loudly. */
    private static TaskNetwork dataPlane(BerthConfig config) {
        if (!config.taskNetwork()) {
            log.warn("TASK NETWORKING IS OFF (--task-network off): tasks get addresses in the API but no interface; "
                    + "security groups are not enforced.");
            return TaskNetwork.ADDRESSES_ONLY;
        }
        Optional<String> missing = Privileges.missingForTaskNetwork();
        if (missing.isPresent()) {
            log.warn("TASK NETWORKING IS OFF: Berth lacks {} (run it as root). Tasks get addresses in the API but no "
                    + "interface; security groups are not enforced.", missing.get());
            return TaskNetwork.ADDRESSES_ONLY;
        }
        return new LinuxTaskNetwork();
    }

    /** The Docker engine, or why there is none. */
    private record RuntimeConnection(ContainerRuntime runtime, String problem) {
    }

    private static RuntimeConnection connectRuntime(String dockerHost, String instance) {
        try {
            return new RuntimeConnection(DockerRuntime.connect(dockerHost, instance, SANDBOX_POOL_SIZE), null);
        } catch (RuntimeUnavailableException e) {
            return new RuntimeConnection(null, e.getMessage());
        }
    }

    /** Said once Berth is up, so a start that fails on its port says only that. */
    private static void reportRuntime(RuntimeConnection connection, String dockerHost) {
        if (connection.runtime() != null) {
            log.info("runtime=docker host={}", dockerHost);
        } else {
            log.warn("NO CONTAINER RUNTIME: {}. RunTask answers with capacity failures until Berth is restarted "
                    + "with an engine ('bin/berth up' starts a private one).", connection.problem());
        }
    }

    public int port() {
        return edge.address().getPort();
    }

    public String endpoint() {
        return "http://" + edge.address().getHostString() + ":" + port();
    }

    /** The id that labels this Berth's containers (kept in the data directory). */
    public String instance() {
        return instance;
    }

    public RootCredentials rootCredentials() {
        return rootCredentials;
    }

    @Override
    public void close() {
        edge.close();
        if (scheduler != null) {
            scheduler.close();
        }
        if (controller != null) {
            controller.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        store.close();
    }
}
