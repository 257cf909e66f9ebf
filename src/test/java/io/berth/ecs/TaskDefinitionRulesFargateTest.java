package io.berth.ecs;

import io.berth.ecs.model.TaskDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static io.berth.ecs.TaskDefinitionRequests.APP;
import static io.berth.ecs.TaskDefinitionRequests.EC2_APP;
import static io.berth.ecs.TaskDefinitionRequests.ECR_IMAGE;
import static io.berth.ecs.TaskDefinitionRequests.assertRefused;
import static io.berth.ecs.TaskDefinitionRequests.container;
import static io.berth.ecs.TaskDefinitionRequests.ec2;
import static io.berth.ecs.TaskDefinitionRequests.fargate;
import static io.berth.ecs.TaskDefinitionRequests.named;
import static io.berth.ecs.TaskDefinitionRequests.plain;
import static io.berth.ecs.TaskDefinitionRequests.register;
import static org.assertj.core.api.Assertions.assertThat;

/** What FARGATE in requiresCompatibilities adds, and when FARGATE appears in compatibilities. */
class TaskDefinitionRulesFargateTest {

    private static final String AWSLOGS =
            "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-region':'us-east-1','awslogs-group':'/ecs/web'}}";

    private static Arguments refused(String why, String json, String message) {
        return Arguments.of(why, json, message);
    }

    static Stream<Arguments> fargateRefusals() {
        return Stream.of(
                refused("network mode missing (bridge by default)", fargate("'networkMode':null", APP),
                        "Fargate only supports network mode \u2018awsvpc\u2019."),
                refused("bridge network mode", fargate("'networkMode':'bridge'", APP),
                        "Fargate only supports network mode \u2018awsvpc\u2019."),
                refused("host network mode", fargate("'networkMode':'host'", APP),
                        "Fargate only supports network mode \u2018awsvpc\u2019."),
                refused("none network mode", fargate("'networkMode':'none'", APP),
                        "Fargate only supports network mode \u2018awsvpc\u2019."),
                refused("task cpu missing", fargate("'cpu':null", APP),
                        "Fargate requires that 'cpu' be defined at the task level."),
                refused("task memory missing", fargate("'memory':null", APP),
                        "Fargate requires that 'memory' be defined at the task level."),
                refused("256 CPU with 256 MiB", fargate("'memory':'256'", APP), noConfiguration(256, 256)),
                refused("512 CPU with 512 MiB", fargate("'cpu':'512','memory':'512'", APP), noConfiguration(512, 512)),
                refused("1024 CPU with 1024 MiB", fargate("'cpu':'1024','memory':'1024'", APP), noConfiguration(1024, 1024)),
                refused("string forms are judged after normalising", fargate("'cpu':'1 vCPU','memory':'1 GB'", APP),
                        noConfiguration(1024, 1024)),
                refused("0.125 vCPU", fargate("'cpu':'0.125 vCPU'", APP), noConfiguration(128, 512)),
                refused("32 vCPU", fargate("'cpu':'32 vCPU','memory':'240 GB'", APP), noConfiguration(32768, 245760)),
                refused("8 vCPU off its 4 GB steps", fargate("'cpu':'8 vCPU','memory':'17 GB'", APP), noConfiguration(8192, 17408)),
                refused("Windows below 1 vCPU", fargate("'runtimePlatform':{'operatingSystemFamily':'WINDOWS_SERVER_2022_CORE'}", APP),
                        noConfiguration(256, 512)),
                refused("Windows at 8 vCPU", fargate("'cpu':'8192','memory':'16384',"
                        + "'runtimePlatform':{'operatingSystemFamily':'WINDOWS_SERVER_2019_FULL'}", APP), noConfiguration(8192, 16384)),
                refused("ipcMode", fargate("'ipcMode':'task'", APP), "Tasks using the Fargate launch type do not support ipcMode."),
                refused("pidMode host", fargate("'pidMode':'host'", APP),
                        "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'."),
                refused("placement constraints", fargate("'placementConstraints':[{'type':'memberOf','expression':'attribute:a==b'}]", APP),
                        "Fargate compatible task definitions do not support constraints"),
                refused("host volume with a source path", fargate("'volumes':[{'name':'data','host':{'sourcePath':'/srv/data'}}]", APP),
                        "Fargate compatible task definitions do not support sourcePath"),
                refused("Docker volume", fargate("'volumes':[{'name':'data','dockerVolumeConfiguration':{'scope':'task','driver':'local'}}]", APP),
                        "Fargate compatible task definitions do not support dockerVolumeConfiguration"),
                refused("ephemeral storage of 20 GiB", fargate("'ephemeralStorage':{'sizeInGiB':20}", APP),
                        "Invalid 'ephemeralStorage.sizeInGiB' setting for task. Valid values are 21 to 200 GiB."),
                refused("ephemeral storage of 201 GiB", fargate("'ephemeralStorage':{'sizeInGiB':201}", APP),
                        "Invalid 'ephemeralStorage.sizeInGiB' setting for task. Valid values are 21 to 200 GiB."),
                refused("ephemeral storage without a size", fargate("'ephemeralStorage':{}", APP),
                        "Invalid 'ephemeralStorage.sizeInGiB' setting for task. Valid values are 21 to 200 GiB."),
                refused("privileged container", fargate("", container("'privileged':true")),
                        "Fargate compatible task definitions do not support privileged"),
                refused("networking disabled", fargate("", container("'disableNetworking':true")),
                        "Fargate compatible task definitions do not support disableNetworking"),
                refused("DNS servers", fargate("", container("'dnsServers':['10.0.0.2']")),
                        "Fargate compatible task definitions do not support dnsServers"),
                refused("DNS search domains", fargate("", container("'dnsSearchDomains':['corp']")),
                        "Fargate compatible task definitions do not support dnsSearchDomains"),
                refused("Docker security options", fargate("", container("'dockerSecurityOptions':['no-new-privileges']")),
                        "Fargate compatible task definitions do not support dockerSecurityOptions"),
                refused("GPU", fargate("", container("'resourceRequirements':[{'type':'GPU','value':'1'}]")),
                        "Fargate compatible task definitions do not support gpu"),
                refused("devices", fargate("", container("'linuxParameters':{'devices':[{'hostPath':'/dev/fuse'}]}")),
                        "Fargate compatible task definitions do not support devices"),
                refused("shared memory size", fargate("", container("'linuxParameters':{'sharedMemorySize':64}")),
                        "Fargate compatible task definitions do not support sharedMemorySize"),
                refused("max swap", fargate("", container("'linuxParameters':{'maxSwap':0}")),
                        "Fargate compatible task definitions do not support maxSwap"),
                refused("swappiness", fargate("", container("'linuxParameters':{'swappiness':10}")),
                        "Fargate compatible task definitions do not support swappiness"),
                refused("adding NET_ADMIN", fargate("", container("'linuxParameters':{'capabilities':{'add':['SYS_PTRACE','NET_ADMIN']}}")),
                        "Fargate compatible task definitions only support adding the SYS_PTRACE capability"),
                refused("stop timeout 121", fargate("", container("'stopTimeout':121")),
                        "Invalid 'stopTimeout' setting for container 'app'. The valid values for Fargate are 2-120 seconds."),
                refused("stop timeout 1", fargate("", container("'stopTimeout':1")),
                        "Invalid 'stopTimeout' setting for container 'app'. The valid values for Fargate are 2-120 seconds."),
                refused("start timeout 121", fargate("", container("'startTimeout':121")),
                        "Invalid 'startTimeout' setting for container 'app'. The valid values for Fargate are 2-120 seconds."),
                refused("awslogs without an execution role", fargate("'executionRoleArn':null", container(AWSLOGS)),
                        "Fargate requires task definition to have execution role ARN to support log driver awslogs."),
                refused("awslogs with a blank execution role", fargate("'executionRoleArn':''", container(AWSLOGS)),
                        "Fargate requires task definition to have execution role ARN to support log driver awslogs."),
                refused("private ECR image without an execution role", fargate("'executionRoleArn':null", container("'image':'" + ECR_IMAGE + "'")),
                        "Fargate requires task definition to have execution role ARN to support ECR images."),
                refused("Fargate rules apply alongside EC2", fargate("'requiresCompatibilities':['EC2','FARGATE'],'networkMode':'bridge'", APP),
                        "Fargate only supports network mode \u2018awsvpc\u2019."),
                refused("links are refused by the awsvpc rule", fargate("", container("'links':['db']"), named("db", "")),
                        "Links are not supported when networkMode=awsvpc."));
    }

    private static String noConfiguration(int cpu, int memory) {
        return "No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                + " memory. See the Amazon ECS documentation for the valid values.";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fargateRefusals")
    void refusesWhatFargateCannotRun(String why, String json, String message) {
        assertRefused(json, message);
    }

    @ParameterizedTest(name = "{0} CPU, {1} MiB")
    @MethodSource("io.berth.ecs.FargateSizesTest#validSizes")
    void registersEveryFargateSizeInUnitAndStringForms(int cpu, int memory) {
        String vcpu = BigDecimal.valueOf(cpu).divide(BigDecimal.valueOf(1024)).stripTrailingZeros().toPlainString();
        String gb = BigDecimal.valueOf(memory).divide(BigDecimal.valueOf(1024)).stripTrailingZeros().toPlainString();

        TaskDefinition units = register(fargate("'cpu':'" + cpu + "','memory':'" + memory + "'", APP));
        TaskDefinition strings = register(fargate("'cpu':'" + vcpu + " vCPU','memory':'" + gb + " GB'", APP));

        for (TaskDefinition definition : List.of(units, strings)) {
            assertThat(definition.cpu()).isEqualTo(Integer.toString(cpu));
            assertThat(definition.memory()).isEqualTo(Integer.toString(memory));
            assertThat(definition.compatibilities()).containsExactly("EC2", "FARGATE");
        }
    }

    @Test
    void acceptsWhatFargateAllows() {
        register(fargate("'pidMode':'task'", APP));
        register(fargate("'ephemeralStorage':{'sizeInGiB':21}", APP));
        register(fargate("'ephemeralStorage':{'sizeInGiB':200}", APP));
        register(fargate("'volumes':[{'name':'scratch','host':{}},{'name':'efs','efsVolumeConfiguration':{'fileSystemId':'fs-1'}}]", APP));
        register(fargate("", container("'linuxParameters':{'capabilities':{'add':['SYS_PTRACE'],'drop':['ALL']},"
                + "'initProcessEnabled':true,'tmpfs':[{'containerPath':'/tmp','size':64}]}")));
        register(fargate("", container("'stopTimeout':120,'startTimeout':2,'privileged':false,'disableNetworking':false")));
        register(fargate("", container("'image':'public.ecr.aws/nginx/nginx:1.27'")));
        register(fargate("'executionRoleArn':null", container("'logConfiguration':{'logDriver':'json-file'}")));
        register(fargate("'cpu':'1024','memory':'2048','runtimePlatform':{'operatingSystemFamily':'WINDOWS_SERVER_2022_CORE'}", APP));
        register(fargate("'cpu':'16 vCPU','memory':'120GB','runtimePlatform':{'operatingSystemFamily':'LINUX','cpuArchitecture':'ARM64'}", APP));
    }

    @Test
    void theFargateTimeoutLimitDoesNotApplyOnEc2() {
        assertThat(register(ec2("", container("'memory':64,'stopTimeout':300"))).containerDefinitions().getFirst().stopTimeout())
                .isEqualTo(300);
    }

    static Stream<Arguments> compatibilities() {
        return Stream.of(
                Arguments.of("Fargate registration", fargate("", APP), List.of("EC2", "FARGATE")),
                Arguments.of("EC2 bridge registration", ec2("", EC2_APP), List.of("EC2")),
                Arguments.of("EC2 registration that Fargate could run",
                        ec2("'networkMode':'awsvpc','cpu':'256','memory':'512'", APP), List.of("EC2", "FARGATE")),
                Arguments.of("registration without compatibilities that Fargate could run",
                        plain("'networkMode':'awsvpc','cpu':'.5 vCPU','memory':'1GB'", APP), List.of("EC2", "FARGATE")),
                Arguments.of("awsvpc without a task size", plain("'networkMode':'awsvpc'", EC2_APP), List.of("EC2")),
                Arguments.of("awsvpc with a size Fargate does not offer", plain("'networkMode':'awsvpc','cpu':'300','memory':'512'", APP),
                        List.of("EC2")),
                Arguments.of("awsvpc with a privileged container",
                        plain("'networkMode':'awsvpc','cpu':'256','memory':'512'", container("'privileged':true")), List.of("EC2")),
                Arguments.of("awsvpc with awslogs and no execution role",
                        plain("'networkMode':'awsvpc','cpu':'256','memory':'512'", container(AWSLOGS)), List.of("EC2")),
                Arguments.of("awsvpc with a host volume",
                        plain("'networkMode':'awsvpc','cpu':'256','memory':'512','volumes':[{'name':'d','host':{'sourcePath':'/d'}}]", APP),
                        List.of("EC2")),
                Arguments.of("EXTERNAL registration", plain("'requiresCompatibilities':['EXTERNAL']", EC2_APP), List.of("EC2", "EXTERNAL")),
                Arguments.of("MANAGED_INSTANCES registration", fargate("'requiresCompatibilities':['MANAGED_INSTANCES']", APP),
                        List.of("EC2", "FARGATE", "MANAGED_INSTANCES")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void compatibilities(String why, String json, List<String> expected) {
        assertThat(register(json).compatibilities()).isEqualTo(expected);
    }
}
