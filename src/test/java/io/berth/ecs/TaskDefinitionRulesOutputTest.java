package io.berth.ecs;

import io.berth.ecs.model.Attribute;
import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.HealthCheck;
import io.berth.ecs.model.PortMapping;
import io.berth.ecs.model.RegisterTaskDefinitionRequest;
import io.berth.ecs.model.TaskDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.berth.ecs.TaskDefinitionRequests.APP;
import static io.berth.ecs.TaskDefinitionRequests.ARN;
import static io.berth.ecs.TaskDefinitionRequests.AT;
import static io.berth.ecs.TaskDefinitionRequests.CALLER;
import static io.berth.ecs.TaskDefinitionRequests.EC2_APP;
import static io.berth.ecs.TaskDefinitionRequests.ECR_IMAGE;
import static io.berth.ecs.TaskDefinitionRequests.EXECUTION_ROLE;
import static io.berth.ecs.TaskDefinitionRequests.container;
import static io.berth.ecs.TaskDefinitionRequests.ec2;
import static io.berth.ecs.TaskDefinitionRequests.fargate;
import static io.berth.ecs.TaskDefinitionRequests.named;
import static io.berth.ecs.TaskDefinitionRequests.plain;
import static io.berth.ecs.TaskDefinitionRequests.register;
import static io.berth.ecs.TaskDefinitionRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The task definition ECS stores and returns: defaults filled in, everything else as sent. */
class TaskDefinitionRulesOutputTest {

    private static final String CAPABILITY = "com.amazonaws.ecs.capability.";
    private static final String AWSVPC_BASE = CAPABILITY + "docker-remote-api.1.18";
    private static final String TASK_ENI = "ecs.capability.task-eni";

    @Test
    void aMinimalFargateRegistrationComesBackAsEcsReturnsIt() {
        TaskDefinition definition = register(fargate("", APP));

        assertThat(definition.taskDefinitionArn()).isEqualTo(ARN);
        assertThat(definition.family()).isEqualTo("web");
        assertThat(definition.revision()).isEqualTo(3);
        assertThat(definition.status()).isEqualTo("ACTIVE");
        assertThat(definition.registeredBy()).isEqualTo(CALLER);
        assertThat(definition.registeredAt()).isEqualTo(AT);
        assertThat(definition.deregisteredAt()).isNull();
        assertThat(definition.deleteRequestedAt()).isNull();
        assertThat(definition.networkMode()).isEqualTo("awsvpc");
        assertThat(definition.executionRoleArn()).isEqualTo(EXECUTION_ROLE);
        assertThat(definition.taskRoleArn()).isNull();
        assertThat(definition.cpu()).isEqualTo("256");
        assertThat(definition.memory()).isEqualTo("512");
        assertThat(definition.requiresCompatibilities()).containsExactly("FARGATE");
        assertThat(definition.compatibilities()).containsExactly("EC2", "FARGATE");
        assertThat(definition.volumes()).isEmpty();
        assertThat(definition.placementConstraints()).isEmpty();
        assertThat(attributeNames(definition)).containsExactly(CAPABILITY + "docker-remote-api.1.18", "ecs.capability.task-eni");
        assertThat(definition.runtimePlatform()).isNull();
        assertThat(definition.ephemeralStorage()).isNull();
        assertThat(definition.pidMode()).isNull();
        assertThat(definition.ipcMode()).isNull();
        assertThat(definition.proxyConfiguration()).isNull();
        assertThat(definition.inferenceAccelerators()).isNull();
        assertThat(definition.enableFaultInjection()).isNull();
    }

    @Test
    void containersGetTheDefaultsEcsFillsIn() {
        ContainerDefinition app = register(fargate("", APP)).containerDefinitions().getFirst();

        assertThat(app.cpu()).isZero();
        assertThat(app.essential()).isTrue();
        assertThat(app.portMappings()).isEmpty();
        assertThat(app.environment()).isEmpty();
        assertThat(app.mountPoints()).isEmpty();
        assertThat(app.volumesFrom()).isEmpty();
        assertThat(app.systemControls()).isEmpty();
        assertThat(app.links()).isNull();
        assertThat(app.memory()).isNull();
        assertThat(app.memoryReservation()).isNull();
        assertThat(app.dependsOn()).isNull();
        assertThat(app.secrets()).isNull();
        assertThat(app.environmentFiles()).isNull();
        assertThat(app.healthCheck()).isNull();
        assertThat(app.logConfiguration()).isNull();
        assertThat(app.dockerLabels()).isNull();
    }

    @Test
    void sentValuesAreNotReplacedByDefaults() {
        ContainerDefinition app = register(fargate("", container("'cpu':128,'essential':true,"
                + "'environment':[{'name':'A','value':'1'}],'systemControls':[{'namespace':'net.core.somaxconn','value':'1024'}]"),
                named("side", "'essential':false"))).containerDefinitions().getFirst();

        assertThat(app.cpu()).isEqualTo(128);
        assertThat(app.environment()).singleElement().satisfies(variable -> assertThat(variable.name()).isEqualTo("A"));
        assertThat(app.systemControls()).hasSize(1);
        assertThat(register(fargate("", APP, named("side", "'essential':false"))).containerDefinitions().get(1).essential())
                .isFalse();
    }

    @Test
    void containersKeepTheirOrder() {
        List<ContainerDefinition> containers =
                register(fargate("", named("z", ""), named("a", ""), named("m", ""))).containerDefinitions();
        assertThat(containers).extracting(ContainerDefinition::name).containsExactly("z", "a", "m");
    }

    static Stream<Arguments> portMappings() {
        return Stream.of(
                Arguments.of("awsvpc fills the host port", fargate("", container("'portMappings':[{'containerPort':8080}]")),
                        new PortMapping(8080, 8080, "tcp", null, null, null)),
                Arguments.of("awsvpc keeps a matching host port and udp",
                        fargate("", container("'portMappings':[{'containerPort':53,'hostPort':53,'protocol':'udp'}]")),
                        new PortMapping(53, 53, "udp", null, null, null)),
                Arguments.of("host mode fills the host port",
                        ec2("'networkMode':'host'", container("'memory':64,'portMappings':[{'containerPort':9000}]")),
                        new PortMapping(9000, 9000, "tcp", null, null, null)),
                Arguments.of("bridge leaves an omitted host port to the agent",
                        ec2("", container("'memory':64,'portMappings':[{'containerPort':80}]")),
                        new PortMapping(80, null, "tcp", null, null, null)),
                Arguments.of("bridge keeps its host port", ec2("", container("'memory':64,'portMappings':[{'containerPort':80,'hostPort':8080}]")),
                        new PortMapping(80, 8080, "tcp", null, null, null)),
                Arguments.of("bridge keeps a dynamic host port", ec2("", container("'memory':64,'portMappings':[{'containerPort':80,'hostPort':0}]")),
                        new PortMapping(80, 0, "tcp", null, null, null)),
                Arguments.of("a port range gets no host port", fargate("", container("'portMappings':[{'containerPortRange':'8000-8100'}]")),
                        new PortMapping(null, null, "tcp", null, null, "8000-8100")),
                Arguments.of("name and app protocol round-trip",
                        fargate("", container("'portMappings':[{'containerPort':80,'name':'web-80','appProtocol':'http2'}]")),
                        new PortMapping(80, 80, "tcp", "web-80", "http2", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void portMappings(String why, String json, PortMapping expected) {
        assertThat(register(json).containerDefinitions().getFirst().portMappings()).containsExactly(expected);
    }

    @Test
    void healthChecksGetDockersDefaultsButNoStartPeriod() {
        HealthCheck filled = register(fargate("", container("'healthCheck':{'command':['CMD-SHELL','curl -f localhost']}")))
                .containerDefinitions().getFirst().healthCheck();
        assertThat(filled).isEqualTo(new HealthCheck(List.of("CMD-SHELL", "curl -f localhost"), 30, 5, 3, null));

        HealthCheck sent = register(fargate("", container(
                "'healthCheck':{'command':['CMD','true'],'interval':10,'timeout':4,'retries':5,'startPeriod':60}")))
                .containerDefinitions().getFirst().healthCheck();
        assertThat(sent).isEqualTo(new HealthCheck(List.of("CMD", "true"), 10, 4, 5, 60));
    }

    @Test
    void taskFieldsRoundTrip() {
        String json = fargate("'taskRoleArn':'arn:aws:iam::123456789012:role/app','cpu':'1 vCPU','memory':'3 GB',"
                        + "'runtimePlatform':{'cpuArchitecture':'ARM64','operatingSystemFamily':'LINUX'},"
                        + "'ephemeralStorage':{'sizeInGiB':50},'pidMode':'task','enableFaultInjection':true,"
                        + "'proxyConfiguration':{'type':'APPMESH','containerName':'envoy','properties':[{'name':'AppPorts','value':'80'}]},"
                        + "'inferenceAccelerators':[{'deviceName':'d','deviceType':'eia2.medium'}],"
                        + "'volumes':[{'name':'efs','efsVolumeConfiguration':{'fileSystemId':'fs-1','rootDirectory':'/',"
                        + "'transitEncryption':'ENABLED','transitEncryptionPort':2049,'authorizationConfig':{'accessPointId':'fsap-1','iam':'ENABLED'}}},"
                        + "{'name':'scratch','host':{}},{'name':'ebs','configuredAtLaunch':true}],"
                        + "'tags':[{'key':'team','value':'web'}]",
                APP, named("envoy", "'essential':false"));
        RegisterTaskDefinitionRequest request = request(json);

        TaskDefinition definition = register(json);

        assertThat(definition.cpu()).isEqualTo("1024");
        assertThat(definition.memory()).isEqualTo("3072");
        assertThat(definition.taskRoleArn()).isEqualTo(request.taskRoleArn());
        assertThat(definition.runtimePlatform()).isEqualTo(request.runtimePlatform());
        assertThat(definition.ephemeralStorage()).isEqualTo(request.ephemeralStorage());
        assertThat(definition.pidMode()).isEqualTo("task");
        assertThat(definition.enableFaultInjection()).isTrue();
        assertThat(definition.proxyConfiguration()).isEqualTo(request.proxyConfiguration());
        assertThat(definition.inferenceAccelerators()).isEqualTo(request.inferenceAccelerators());
        assertThat(definition.volumes()).isEqualTo(request.volumes());
        assertThat(definition.requiresCompatibilities()).isEqualTo(request.requiresCompatibilities());
    }

    @Test
    void anEc2RegistrationKeepsWhatItLeftOut() {
        TaskDefinition definition = register(plain("", EC2_APP));

        assertThat(definition.networkMode()).isNull();
        assertThat(definition.requiresCompatibilities()).isNull();
        assertThat(definition.cpu()).isNull();
        assertThat(definition.memory()).isNull();
        assertThat(definition.compatibilities()).containsExactly("EC2");
        assertThat(definition.requiresAttributes()).isEmpty();
        assertThat(definition.containerDefinitions().getFirst().memory()).isEqualTo(256);
    }

    @Test
    void aContainerWithEveryFieldRoundTrips() {
        String everything = "{'name':'app','image':'" + ECR_IMAGE + "',"
                + "'repositoryCredentials':{'credentialsParameter':'arn:aws:secretsmanager:us-east-1:123456789012:secret:hub'},"
                + "'cpu':256,'memory':1024,'memoryReservation':512,'links':['db:database'],"
                + "'portMappings':[{'containerPort':80,'hostPort':8080,'protocol':'tcp','name':'web','appProtocol':'http'}],"
                + "'essential':true,'restartPolicy':{'enabled':true,'ignoredExitCodes':[0],'restartAttemptPeriod':60},"
                + "'entryPoint':['/bin/sh','-c'],'command':['exec nginx'],'environment':[{'name':'MODE','value':'prod'}],"
                + "'environmentFiles':[{'value':'arn:aws:s3:::bucket/web.env','type':'s3'}],"
                + "'mountPoints':[{'sourceVolume':'data','containerPath':'/data','readOnly':false}],"
                + "'volumesFrom':[{'sourceContainer':'db','readOnly':true}],"
                + "'linuxParameters':{'capabilities':{'add':['NET_ADMIN'],'drop':['MKNOD']},"
                + "'devices':[{'hostPath':'/dev/fuse','containerPath':'/dev/fuse','permissions':['read','write']}],"
                + "'initProcessEnabled':true,'sharedMemorySize':128,'tmpfs':[{'containerPath':'/run','size':16,'mountOptions':['rw']}],"
                + "'maxSwap':0,'swappiness':60},"
                + "'secrets':[{'name':'DB_PASSWORD','valueFrom':'arn:aws:ssm:us-east-1:123456789012:parameter/db'}],"
                + "'dependsOn':[{'containerName':'db','condition':'HEALTHY'}],'startTimeout':60,'stopTimeout':90,"
                + "'versionConsistency':'disabled','hostname':'web','user':'1000:1000','workingDirectory':'/srv',"
                + "'disableNetworking':false,'privileged':true,'readonlyRootFilesystem':true,"
                + "'dnsServers':['10.0.0.2'],'dnsSearchDomains':['corp.example'],"
                + "'extraHosts':[{'hostname':'db.local','ipAddress':'10.0.0.9'}],'dockerSecurityOptions':['no-new-privileges'],"
                + "'interactive':true,'pseudoTerminal':true,'dockerLabels':{'tier':'web'},"
                + "'ulimits':[{'name':'nofile','softLimit':1024,'hardLimit':4096}],"
                + "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-region':'us-east-1','awslogs-group':'/ecs/web'},"
                + "'secretOptions':[{'name':'token','valueFrom':'arn:aws:ssm:us-east-1:123456789012:parameter/token'}]},"
                + "'healthCheck':{'command':['CMD','true'],'interval':10,'timeout':3,'retries':2,'startPeriod':5},"
                + "'systemControls':[{'namespace':'net.ipv4.tcp_keepalive_time','value':'60'}],"
                + "'resourceRequirements':[{'value':'1','type':'GPU'}],"
                + "'firelensConfiguration':{'type':'fluentbit','options':{'enable-ecs-log-metadata':'true'}},"
                + "'credentialSpecs':['credentialspecdomainless:arn:aws:ssm:us-east-1:123456789012:parameter/spec']}";
        String json = ec2("'executionRoleArn':'" + EXECUTION_ROLE + "','volumes':[{'name':'data','host':{'sourcePath':'/srv/data'}}]",
                everything, named("db", "'memory':64,'healthCheck':{'command':['CMD','true'],'interval':30,'timeout':5,'retries':3}"));
        RegisterTaskDefinitionRequest request = request(json);

        TaskDefinition definition = register(json);

        assertThat(definition.containerDefinitions().getFirst()).isEqualTo(request.containerDefinitions().getFirst());
        assertThat(definition.compatibilities()).containsExactly("EC2");
    }

    static Stream<Arguments> requiredAttributes() {
        String awslogs = "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-region':'r','awslogs-group':'g'}}";
        return Stream.of(
                Arguments.of("awslogs with an execution role", fargate("", container(awslogs)),
                        List.of(CAPABILITY + "logging-driver.awslogs", "ecs.capability.execution-role-awslogs",
                                CAPABILITY + "docker-remote-api.1.19", AWSVPC_BASE, TASK_ENI)),
                Arguments.of("awslogs on EC2 without an execution role", ec2("", container("'memory':64," + awslogs)),
                        List.of(CAPABILITY + "logging-driver.awslogs", CAPABILITY + "docker-remote-api.1.19")),
                Arguments.of("another log driver", ec2("", container("'memory':64,'logConfiguration':{'logDriver':'fluentd'}")),
                        List.of(CAPABILITY + "logging-driver.fluentd", CAPABILITY + "docker-remote-api.1.19")),
                Arguments.of("private ECR image with an execution role", fargate("", container("'image':'" + ECR_IMAGE + "'")),
                        List.of(CAPABILITY + "ecr-auth", "ecs.capability.execution-role-ecr-pull", AWSVPC_BASE, TASK_ENI)),
                Arguments.of("private ECR image on EC2", ec2("", container("'memory':64,'image':'" + ECR_IMAGE + "'")),
                        List.of(CAPABILITY + "ecr-auth")),
                Arguments.of("public ECR image", ec2("", container("'memory':64,'image':'public.ecr.aws/nginx/nginx'")), List.of()),
                Arguments.of("memory reservation", ec2("", container("'memoryReservation':64")),
                        List.of(CAPABILITY + "docker-remote-api.1.21")),
                Arguments.of("task role", ec2("'taskRoleArn':'arn:aws:iam::123456789012:role/app'", EC2_APP),
                        List.of(CAPABILITY + "task-iam-role")),
                Arguments.of("health check", ec2("", container("'memory':64,'healthCheck':{'command':['CMD','true']}")),
                        List.of("ecs.capability.container-health-check", CAPABILITY + "docker-remote-api.1.24")),
                Arguments.of("container ordering", ec2("", container("'memory':64,'dependsOn':[{'containerName':'db','condition':'START'}]"),
                        named("db", "'memory':64")), List.of("ecs.capability.container-ordering")),
                Arguments.of("SSM and Secrets Manager secrets", ec2("", container("'memory':64,'secrets':["
                                + "{'name':'A','valueFrom':'arn:aws:ssm:us-east-1:123456789012:parameter/a'},"
                                + "{'name':'B','valueFrom':'plain-parameter-name'},"
                                + "{'name':'C','valueFrom':'arn:aws:secretsmanager:us-east-1:123456789012:secret:c'}]")),
                        List.of("ecs.capability.secrets.ssm.environment-variables", "ecs.capability.secrets.asm.environment-variables")),
                Arguments.of("privileged", ec2("", container("'memory':64,'privileged':true")),
                        List.of(CAPABILITY + "privileged-container")),
                Arguments.of("docker labels and ulimits", ec2("", container("'memory':64,'dockerLabels':{'a':'b'},"
                        + "'ulimits':[{'name':'nofile','softLimit':1,'hardLimit':2}]")), List.of(CAPABILITY + "docker-remote-api.1.18")),
                Arguments.of("init process", ec2("", container("'memory':64,'linuxParameters':{'initProcessEnabled':true}")),
                        List.of(CAPABILITY + "docker-remote-api.1.25")),
                Arguments.of("private registry credentials", ec2("", container("'memory':64,"
                                + "'repositoryCredentials':{'credentialsParameter':'arn:aws:secretsmanager:us-east-1:123456789012:secret:hub'}")),
                        List.of(CAPABILITY + "private-registry-authentication.secretsmanager")),
                Arguments.of("environment files", ec2("", container("'memory':64,'environmentFiles':[{'value':'arn:aws:s3:::b/e.env','type':'s3'}]")),
                        List.of("ecs.capability.env-files.s3")),
                Arguments.of("FireLens", ec2("", container("'memory':64,'firelensConfiguration':{'type':'fluentbit'}")),
                        List.of("ecs.capability.firelens.fluentbit")),
                Arguments.of("EFS with and without authorization", ec2("'volumes':[{'name':'a','efsVolumeConfiguration':{'fileSystemId':'fs-1',"
                                + "'authorizationConfig':{'iam':'ENABLED'}}}]", EC2_APP),
                        List.of("ecs.capability.efs", "ecs.capability.efsAuth")),
                Arguments.of("awsvpc", ec2("'networkMode':'awsvpc'", EC2_APP), List.of(AWSVPC_BASE, TASK_ENI)),
                Arguments.of("nothing special", ec2("", EC2_APP), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void requiredAttributes(String why, String json, List<String> expected) {
        assertThat(attributeNames(register(json))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aTypicalFargateServiceRequiresWhatEcsListsForIt() {
        TaskDefinition definition = register(fargate("'taskRoleArn':'arn:aws:iam::123456789012:role/app'", container(
                "'image':'" + ECR_IMAGE + "','logConfiguration':{'logDriver':'awslogs',"
                        + "'options':{'awslogs-region':'us-east-1','awslogs-group':'/ecs/web','awslogs-stream-prefix':'web'}},"
                        + "'dependsOn':[{'containerName':'side','condition':'START'}],"
                        + "'secrets':[{'name':'A','valueFrom':'arn:aws:ssm:us-east-1:123456789012:parameter/a'}]"),
                named("side", "")));

        assertThat(attributeNames(definition)).containsExactlyInAnyOrder(
                CAPABILITY + "logging-driver.awslogs",
                "ecs.capability.execution-role-awslogs",
                CAPABILITY + "ecr-auth",
                CAPABILITY + "docker-remote-api.1.19",
                CAPABILITY + "task-iam-role",
                "ecs.capability.container-ordering",
                "ecs.capability.execution-role-ecr-pull",
                "ecs.capability.secrets.ssm.environment-variables",
                CAPABILITY + "docker-remote-api.1.18",
                "ecs.capability.task-eni");
        assertThat(definition.requiresAttributes())
                .allSatisfy(attribute -> assertThat(attribute).isEqualTo(new Attribute(attribute.name(), null, null, null)));
    }

    @Test
    void registrationIsPure() {
        String json = fargate("", container("'healthCheck':{'command':['CMD','true']}"));
        assertThat(register(json)).isEqualTo(register(json));
    }

    private static List<String> attributeNames(TaskDefinition definition) {
        return definition.requiresAttributes().stream().map(Attribute::name).toList();
    }
}
