package io.berth.control;

import io.berth.TestBerth;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.iam.IamClient;

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
 * A task role inside a container: boto3 in the container finds the credentials endpoint and its
 * token in its environment, fetches the role's credentials from inside the task's network
 * namespace, and its calls are authorized as the role; the endpoint refuses once the task stops.
 */
class TaskRoleIT {

    private static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private static final String LIST_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:ListClusters","Resource":"*"}]}""";
    /**
     * What the container runs: boto3 with no credentials configured (its default chain finds the
     * container credentials), one allowed and one denied call, then it stays up.
     */
    private static final String SCRIPT = """
            import os, sys, time, boto3
            print('ENDPOINT', os.environ['AWS_CONTAINER_CREDENTIALS_FULL_URI'],
                  os.environ['AWS_CONTAINER_AUTHORIZATION_TOKEN'], flush=True)
            endpoint = os.environ['AWS_ENDPOINT_URL']
            print('ARN', boto3.client('sts', endpoint_url=endpoint).get_caller_identity()['Arn'], flush=True)
            ecs = boto3.client('ecs', endpoint_url=endpoint)
            print('LIST', len(ecs.list_clusters()['clusterArns']), flush=True)
            try:
                ecs.create_cluster(clusterName='not-allowed')
                print('CREATE allowed', flush=True)
            except Exception as e:
                print('CREATE', e.response['Error']['Code'], e.response['Error']['Message'], flush=True)
            time.sleep(600)
            """;

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;
    static CloudWatchLogsClient logs;
    static String roleArn;
    static String subnet;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
        logs = berth.logs("us-east-1");
        try (IamClient iam = berth.iam()) {
            roleArn = iam.createRole(r -> r.roleName("lister").assumeRolePolicyDocument(TRUST)).role().arn();
            iam.putRolePolicy(r -> r.roleName("lister").policyName("list").policyDocument(LIST_ONLY));
        }
        logs.createLogGroup(r -> r.logGroupName("/ecs/role"));
        // A VPC of its own: the host answers tasks of one VPC per address range, and other tests use the default one.
        try (Ec2Client ec2 = berth.ec2("us-east-1")) {
            String cidr = "10." + ThreadLocalRandom.current().nextInt(250, 255);
            String vpc = ec2.createVpc(r -> r.cidrBlock(cidr + ".0.0/16")).vpc().vpcId();
            subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr + ".1.0/24").availabilityZone("us-east-1a"))
                    .subnet().subnetId();
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
    void aContainerGetsItsTaskRolesCredentialsAndCallsAreAuthorizedAsTheRole() throws Exception {
        String definition = ecs.registerTaskDefinition(r -> r.family("role").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").taskRoleArn(roleArn)
                .executionRoleArn("arn:aws:iam::000000000000:role/ecsTaskExecutionRole")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("berth-boto3:latest")
                        .command("python3", "-c", SCRIPT)
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-group", "/ecs/role",
                                "awslogs-region", "us-east-1", "awslogs-stream-prefix", "app"))).build()))
                .taskDefinition().taskDefinitionArn();
        Task task = ecs.runTask(r -> r.taskDefinition(definition).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet))))
                .tasks().getFirst();
        String stream = "app/app/" + task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);

        List<String> lines = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> output(stream), out -> out.stream().anyMatch(l -> l.startsWith("CREATE")));
        String[] endpoint = line(lines, "ENDPOINT").split(" ");

        assertThat(endpoint[1]).startsWith("http://169.254.170.2:" + berth.endpoint().getPort() + "/v2/credentials/");
        assertThat(line(lines, "ARN")).isEqualTo("ARN arn:aws:sts::000000000000:assumed-role/lister/"
                + task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1));
        assertThat(line(lines, "LIST")).isEqualTo("LIST 1");
        assertThat(line(lines, "CREATE")).startsWith("CREATE AccessDeniedException User: "
                + "arn:aws:sts::000000000000:assumed-role/lister/").contains("is not authorized to perform: ecs:CreateCluster");
        assertThat(fetch(endpoint[1], "not-the-token").statusCode()).isEqualTo(400);
        assertThat(fetch(endpoint[1], endpoint[2]).statusCode()).isEqualTo(200);

        ecs.stopTask(r -> r.task(task.taskArn()));

        HttpResponse<String> refused = fetch(endpoint[1], endpoint[2]);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Credentials not found");
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix + " ")).findFirst().orElseThrow().strip();
    }

    private static List<String> output(String stream) {
        try {
            return logs.getLogEvents(r -> r.logGroupName("/ecs/role").logStreamName(stream).startFromHead(true))
                    .events().stream().map(OutputLogEvent::message).toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
            return List.of();
        }
    }

    /** The credentials endpoint from the host, which holds the agent address too. */
    private static HttpResponse<String> fetch(String uri, String token) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
