package io.berth.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.TestBerth;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task metadata endpoint read from inside real tasks, as Fargate code reads it: busybox's
 * wget and plain python3 (urllib) find it in their environment and get their task, their own
 * container and their stats, though their security group allows no egress; another task given
 * the first task's URI gets nothing.
 */
class TaskMetadataIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "/ecs/metadata";
    /** Everything on one line each: the log shipper stores a line per event. */
    private static final String SHELL = """
            echo "URI $ECS_CONTAINER_METADATA_URI_V4"
            echo "V3 $ECS_CONTAINER_METADATA_URI"
            echo "EXEC $AWS_EXECUTION_ENV"
            echo "TASK $(wget -qO- "$ECS_CONTAINER_METADATA_URI_V4/task")"
            echo "V3TASK $(wget -qO- "$ECS_CONTAINER_METADATA_URI/task")"
            echo "STATS $(wget -qO- "$ECS_CONTAINER_METADATA_URI_V4/stats")"
            echo "DONE"
            exec sleep 600
            """;
    private static final String PYTHON = """
            import json, os, time, urllib.request
            uri = os.environ['ECS_CONTAINER_METADATA_URI_V4']
            def get(path):
                with urllib.request.urlopen(uri + path, timeout=10) as r:
                    return json.loads(r.read())
            print('SELF', json.dumps(get('')), flush=True)
            print('PYTASK', json.dumps(get('/task')), flush=True)
            print('TASKSTATS', json.dumps(get('/task/stats')), flush=True)
            print('PYDONE', flush=True)
            time.sleep(600)
            """;
    private static final String INTRUDER = """
            echo "OWN $(wget -qO- "$ECS_CONTAINER_METADATA_URI_V4/task")"
            if wget -qO- "$FOREIGN_URI/task" > /tmp/out 2>&1; then echo "FOREIGN read $(cat /tmp/out)"; \
            else echo "FOREIGN refused $(cat /tmp/out)"; fi
            echo "DONE"
            exec sleep 600
            """;

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;
    static CloudWatchLogsClient logs;
    static String subnet;
    static String closedGroup;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
        logs = berth.logs("us-east-1");
        logs.createLogGroup(r -> r.logGroupName(GROUP));
        // A VPC of its own (the host answers one VPC per address range), with a group that lets nothing out.
        try (Ec2Client ec2 = berth.ec2("us-east-1")) {
            String cidr = "10." + ThreadLocalRandom.current().nextInt(20, 40);
            String vpc = ec2.createVpc(r -> r.cidrBlock(cidr + ".0.0/16")).vpc().vpcId();
            subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr + ".1.0/24").availabilityZone("us-east-1a"))
                    .subnet().subnetId();
            closedGroup = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("closed").description("no egress"))
                    .groupId();
            ec2.revokeSecurityGroupEgress(r -> r.groupId(closedGroup).ipPermissions(IpPermission.builder()
                    .ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        }
    }

    @AfterAll
    static void stop() {
        for (String arn : ecs.listTasks().taskArns()) {
            ecs.stopTask(r -> r.task(arn));
        }
        logs.close();
        ecs.close();
        berth.close();
    }

    @Test
    void aTaskReadsItsOwnMetadataAndStatsAndAnotherTaskCannot() throws Exception {
        String definition = ecs.registerTaskDefinition(r -> r.family("meta").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .executionRoleArn("arn:aws:iam::000000000000:role/ecsTaskExecutionRole")
                .containerDefinitions(container("shell", "busybox:latest", List.of("sh", "-c", SHELL)).essential(true)
                                .build(),
                        container("py", "berth-boto3:latest", List.of("python3", "-c", PYTHON)).cpu(64).memory(128)
                                .build()))
                .taskDefinition().taskDefinitionArn();
        Task task = run(definition, List.of());
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);

        List<String> shell = output("shell/shell/" + taskId, "DONE");
        List<String> python = output("py/py/" + taskId, "PYDONE");
        String address = ecs.describeTasks(r -> r.tasks(task.taskArn())).tasks().getFirst().containers().getFirst()
                .networkInterfaces().getFirst().privateIpv4Address();

        String uri = line(shell, "URI");
        assertThat(uri).startsWith("http://169.254.170.2:" + berth.endpoint().getPort() + "/v4/");
        String id = uri.substring(uri.lastIndexOf('/') + 1);
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(line(shell, "V3")).isEqualTo("http://169.254.170.2:" + berth.endpoint().getPort() + "/v3/" + id);
        assertThat(line(shell, "EXEC")).isEqualTo("AWS_ECS_FARGATE");

        JsonNode taskDocument = JSON.readTree(line(shell, "TASK"));
        assertThat(taskDocument.get("TaskARN").asText()).isEqualTo(task.taskArn());
        assertThat(taskDocument.get("Family").asText()).isEqualTo("meta");
        assertThat(taskDocument.get("Limits").get("CPU").asDouble()).isEqualTo(0.25);
        assertThat(taskDocument.get("Limits").get("Memory").asInt()).isEqualTo(512);
        assertThat(taskDocument.get("LaunchType").asText()).isEqualTo("FARGATE");
        assertThat(taskDocument.get("KnownStatus").asText()).isIn("CREATED", "RUNNING");
        assertThat(taskDocument.get("Containers")).hasSize(2);
        JsonNode shellContainer = taskDocument.get("Containers").get(0);
        assertThat(shellContainer.get("Name").asText()).isEqualTo("shell");
        // The container may read before the controller has seen it running.
        assertThat(shellContainer.get("KnownStatus").asText()).isIn("CREATED", "RUNNING");
        assertThat(shellContainer.get("Networks").get(0).get("IPv4Addresses").get(0).asText()).isEqualTo(address);
        assertThat(JSON.readTree(line(shell, "V3TASK")).get("Containers").get(0).has("ContainerARN")).isFalse();

        JsonNode stats = JSON.readTree(line(shell, "STATS"));
        String shellDockerId = shellContainer.get("DockerId").asText();
        assertThat(stats.get("id").asText()).isEqualTo(shellDockerId);
        assertThat(stats.get("cpu_stats").get("cpu_usage").get("total_usage").asLong()).isPositive();
        assertThat(stats.get("memory_stats").get("usage").asLong()).isPositive();

        JsonNode self = JSON.readTree(line(python, "SELF"));
        assertThat(self.get("Name").asText()).isEqualTo("py");
        assertThat(self.get("Limits").get("CPU").asInt()).isEqualTo(64);
        assertThat(self.get("Limits").get("Memory").asInt()).isEqualTo(128);
        assertThat(self.get("Labels").get("com.amazonaws.ecs.task-arn").asText()).isEqualTo(task.taskArn());
        assertThat(self.get("Networks").get(0).get("IPv4Addresses").get(0).asText()).isEqualTo(address);
        assertThat(JSON.readTree(line(python, "PYTASK")).get("TaskARN").asText()).isEqualTo(task.taskArn());
        JsonNode taskStats = JSON.readTree(line(python, "TASKSTATS"));
        assertThat(taskStats.has(shellDockerId)).isTrue();
        assertThat(taskStats.has(self.get("DockerId").asText())).isTrue();
        assertThat(taskStats.get(self.get("DockerId").asText()).get("memory_stats").get("usage").asLong()).isPositive();

        // The host is not the task: its address is not the one the id belongs to.
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> fromHost = http.send(HttpRequest.newBuilder(URI.create(uri + "/task")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(fromHost.statusCode()).isEqualTo(404);
        }

        String intruderDefinition = ecs.registerTaskDefinition(r -> r.family("intruder")
                .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .executionRoleArn("arn:aws:iam::000000000000:role/ecsTaskExecutionRole")
                .containerDefinitions(container("intruder", "busybox:latest", List.of("sh", "-c", INTRUDER)).build()))
                .taskDefinition().taskDefinitionArn();
        Task intruder = run(intruderDefinition, List.of(KeyValuePair.builder().name("FOREIGN_URI").value(uri).build()));
        String intruderId = intruder.taskArn().substring(intruder.taskArn().lastIndexOf('/') + 1);
        List<String> intruderOutput = output("intruder/intruder/" + intruderId, "DONE");

        assertThat(JSON.readTree(line(intruderOutput, "OWN")).get("TaskARN").asText()).isEqualTo(intruder.taskArn());
        assertThat(line(intruderOutput, "FOREIGN")).startsWith("refused").contains("404");
    }

    private static ContainerDefinition.Builder container(String name, String image, List<String> command) {
        return ContainerDefinition.builder().name(name).image(image).command(command)
                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-group", GROUP,
                        "awslogs-region", "us-east-1", "awslogs-stream-prefix", name)));
    }

    private static Task run(String definition, List<KeyValuePair> environment) {
        return ecs.runTask(r -> {
            r.taskDefinition(definition).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(closedGroup)));
            if (!environment.isEmpty()) {
                r.overrides(o -> o.containerOverrides(ContainerOverride.builder().name("intruder").environment(environment)
                        .build()));
            }
        }).tasks().getFirst();
    }

    /** The stream's lines once the last one expected is there. */
    private static List<String> output(String stream, String last) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> lines(stream), out -> out.contains(last));
    }

    private static List<String> lines(String stream) {
        try {
            return logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(stream).startFromHead(true))
                    .events().stream().map(OutputLogEvent::message).map(String::strip).toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
            return List.of();
        }
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in " + lines))
                .substring(prefix.length() + 1);
    }
}
