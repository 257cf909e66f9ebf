package io.berth.ecs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.berth.ecs.TaskDefinitionRequests.APP;
import static io.berth.ecs.TaskDefinitionRequests.EC2_APP;
import static io.berth.ecs.TaskDefinitionRequests.assertRefused;
import static io.berth.ecs.TaskDefinitionRequests.container;
import static io.berth.ecs.TaskDefinitionRequests.containers;
import static io.berth.ecs.TaskDefinitionRequests.ec2;
import static io.berth.ecs.TaskDefinitionRequests.fargate;
import static io.berth.ecs.TaskDefinitionRequests.named;
import static io.berth.ecs.TaskDefinitionRequests.plain;
import static io.berth.ecs.TaskDefinitionRequests.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The rules every task definition meets, whatever it runs on. */
class TaskDefinitionRulesTest {

    private static final String LONG_NAME = "a".repeat(255);
    private static final String TOO_LONG_NAME = "a".repeat(256);

    private static Arguments refused(String why, String json, String message) {
        return Arguments.of(why, json, message);
    }

    private static Arguments accepted(String why, String json) {
        return Arguments.of(why, json);
    }

    static Stream<Arguments> taskLevelRefusals() {
        return Stream.of(
                refused("family missing", fargate("'family':null", APP), "Family can not be blank."),
                refused("family empty", fargate("'family':''", APP), "Family can not be blank."),
                refused("family blank", fargate("'family':'  '", APP), "Family can not be blank."),
                refused("family with a dot", fargate("'family':'web.app'", APP), "Family contains invalid characters."),
                refused("family with a space", fargate("'family':'web app'", APP), "Family contains invalid characters."),
                refused("family with a colon", fargate("'family':'web:1'", APP), "Family contains invalid characters."),
                refused("family with a slash", fargate("'family':'team/web'", APP), "Family contains invalid characters."),
                refused("family with unicode", fargate("'family':'w\u00e9b'", APP), "Family contains invalid characters."),
                refused("family of 256 characters", fargate("'family':'" + TOO_LONG_NAME + "'", APP),
                        "Family cannot be longer than 255 characters."),
                refused("no containers", fargate("'containerDefinitions':[]"), "Container list cannot be empty."),
                refused("containers missing", fargate("'containerDefinitions':null"), "Container list cannot be empty."),
                refused("eleven containers", fargate("", containers(11)), "Too many containers."),
                refused("unknown compatibility", fargate("'requiresCompatibilities':['LAMBDA']", APP),
                        "Invalid 'requiresCompatibilities' setting for task."),
                refused("lower-case compatibility", ec2("'requiresCompatibilities':['ec2']", EC2_APP),
                        "Invalid 'requiresCompatibilities' setting for task."),
                refused("unknown network mode", ec2("'networkMode':'nat'", EC2_APP), "Invalid 'networkMode' setting for task."),
                refused("upper-case network mode", ec2("'networkMode':'BRIDGE'", EC2_APP), "Invalid 'networkMode' setting for task."),
                refused("unknown pid mode", ec2("'pidMode':'container'", EC2_APP), "Invalid 'pidMode' setting for task."),
                refused("unknown ipc mode", ec2("'ipcMode':'shareable'", EC2_APP), "Invalid 'ipcMode' setting for task."),
                refused("cpu garbage", ec2("'cpu':'lots'", EC2_APP), FargateSizesInvalid.CPU),
                refused("cpu in MHz", ec2("'cpu':'1000 MHz'", EC2_APP), FargateSizesInvalid.CPU),
                refused("memory garbage", ec2("'memory':'plenty'", EC2_APP), FargateSizesInvalid.MEMORY),
                refused("memory in MiB units", ec2("'memory':'512 MiB'", EC2_APP), FargateSizesInvalid.MEMORY),
                refused("EC2 cpu below 128 units", ec2("'cpu':'64'", EC2_APP), FargateSizesInvalid.CPU),
                refused("EC2 cpu above 192 vCPU", ec2("'cpu':'193 vCPU'", EC2_APP), FargateSizesInvalid.CPU),
                refused("volume without a name", ec2("'volumes':[{'host':{}}]", EC2_APP), "Volume.name should not be null or empty."),
                refused("volume with an invalid name", ec2("'volumes':[{'name':'data vol'}]", EC2_APP),
                        "Volume.name contains invalid characters."),
                refused("volume name of 256 characters", ec2("'volumes':[{'name':'" + TOO_LONG_NAME + "'}]", EC2_APP),
                        "Volume.name contains invalid characters."),
                refused("two volumes with one name", ec2("'volumes':[{'name':'data'},{'name':'data'}]", EC2_APP),
                        "Volume names must be unique within a Task Definition."),
                refused("two volumes configured at launch",
                        ec2("'volumes':[{'name':'a','configuredAtLaunch':true},{'name':'b','configuredAtLaunch':true}]", EC2_APP),
                        "A task definition can have only one volume configured at launch."),
                refused("eleven placement constraints", ec2("'placementConstraints':["
                        + IntStream.range(0, 11).mapToObj(i -> "{'type':'memberOf','expression':'attribute:n==" + i + "'}")
                        .collect(Collectors.joining(",")) + "]", EC2_APP), "Too many placement constraints."),
                refused("placement constraint of another type",
                        ec2("'placementConstraints':[{'type':'distinctInstance'}]", EC2_APP),
                        "Invalid 'placementConstraints' setting for task."),
                refused("ephemeral storage on EC2", ec2("'ephemeralStorage':{'sizeInGiB':30}", EC2_APP),
                        "Tasks using the EC2 launch type do not support EphemeralStorage"),
                refused("ephemeral storage without compatibilities", plain("'ephemeralStorage':{'sizeInGiB':30}", EC2_APP),
                        "Tasks using the EC2 launch type do not support EphemeralStorage"),
                refused("EXTERNAL with awsvpc", plain("'requiresCompatibilities':['EXTERNAL'],'networkMode':'awsvpc'", EC2_APP),
                        "Tasks using the EXTERNAL launch type do not support network mode 'awsvpc'."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskLevelRefusals")
    void refusesATaskLevelMistake(String why, String json, String message) {
        assertRefused(json, message);
    }

    static Stream<Arguments> containerRefusals() {
        return Stream.of(
                refused("container name missing", fargate("", container("'name':null")), "Container.name should not be null or empty."),
                refused("container name empty", fargate("", container("'name':''")), "Container.name should not be null or empty."),
                refused("container name with a dot", fargate("", named("web.app", "")), "Container.name contains invalid characters."),
                refused("container name with a space", fargate("", named("web app", "")), "Container.name contains invalid characters."),
                refused("container name of 256 characters", fargate("", named(TOO_LONG_NAME, "")),
                        "Container.name cannot be longer than 255 characters."),
                refused("image missing", fargate("", container("'image':null")), "Container.image should not be null or empty."),
                refused("image blank", fargate("", container("'image':' '")), "Container.image should not be null or empty."),
                refused("two containers with one name", fargate("", APP, APP), "Container names must be unique within a Task Definition."),
                refused("container names differing only in case are distinct, but duplicates are not",
                        fargate("", named("Web", ""), named("web", ""), named("Web", "")),
                        "Container names must be unique within a Task Definition."),
                refused("negative container cpu", fargate("", container("'cpu':-1")), "Invalid 'cpu' setting for container 'app'."),
                refused("zero container memory", ec2("", container("'memory':0")), "Invalid 'memory' setting for container 'app'."),
                refused("zero memory reservation", ec2("", container("'memoryReservation':0")),
                        "Invalid 'memoryReservation' setting for container 'app'."),
                refused("memory below its reservation", ec2("", container("'memory':128,'memoryReservation':256")),
                        "Invalid setting for container 'app'. 'memory' must be greater than or equal to 'memoryReservation'."),
                refused("EC2 container without any memory", ec2("", APP),
                        "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified."),
                refused("no compatibilities and no memory anywhere", plain("", EC2_APP, named("sidecar", "")),
                        "Invalid setting for container 'sidecar'. At least one of 'memory' or 'memoryReservation' must be specified."),
                refused("container memory above the task's", fargate("", container("'memory':600")),
                        "The 'memory' setting for container 'app' is greater than for the task."),
                refused("EC2 container memory above the task's", ec2("'memory':'1 GB'", container("'memory':1025")),
                        "The 'memory' setting for container 'app' is greater than for the task."),
                refused("memory reservation above the task's", fargate("", container("'memoryReservation':513")),
                        "The 'memoryReservation' setting for container 'app' is greater than for the task."),
                refused("container cpu above the task's", fargate("", container("'cpu':257")),
                        "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'."),
                refused("container cpus summing above the task's",
                        fargate("", named("a", "'cpu':128"), named("b", "'cpu':128"), named("c", "'cpu':1")),
                        "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'."),
                refused("EC2 container cpus summing above the task's", ec2("'cpu':'0.5 vCPU'", container("'memory':64,'cpu':513")),
                        "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'."),
                refused("no essential container", fargate("", container("'essential':false")),
                        "Task definition doesn't have any essential container."),
                refused("no essential container among two",
                        fargate("", named("a", "'essential':false"), named("b", "'essential':false")),
                        "Task definition doesn't have any essential container."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containerRefusals")
    void refusesAContainerMistake(String why, String json, String message) {
        assertRefused(json, message);
    }

    static Stream<Arguments> portRefusals() {
        return Stream.of(
                refused("awsvpc host port differing", fargate("", container("'portMappings':[{'containerPort':80,'hostPort':8080}]")),
                        "When networkMode=awsvpc, the host ports and container ports in port mappings must match."),
                refused("awsvpc host port zero", fargate("", container("'portMappings':[{'containerPort':80,'hostPort':0}]")),
                        "When networkMode=awsvpc, the host ports and container ports in port mappings must match."),
                refused("host mode host port differing",
                        ec2("'networkMode':'host'", container("'memory':64,'portMappings':[{'containerPort':80,'hostPort':81}]")),
                        "When networkMode=host, the host ports and container ports in port mappings must match."),
                refused("container port missing", fargate("", container("'portMappings':[{'hostPort':80}]")),
                        "Invalid 'containerPort' setting for container 'app'."),
                refused("container port zero", fargate("", container("'portMappings':[{'containerPort':0}]")),
                        "Invalid 'containerPort' setting for container 'app'."),
                refused("container port 65536", fargate("", container("'portMappings':[{'containerPort':65536}]")),
                        "Invalid 'containerPort' setting for container 'app'."),
                refused("negative container port", fargate("", container("'portMappings':[{'containerPort':-80}]")),
                        "Invalid 'containerPort' setting for container 'app'."),
                refused("bridge host port 65536", ec2("", container("'memory':64,'portMappings':[{'containerPort':80,'hostPort':65536}]")),
                        "Invalid 'hostPort' setting for container 'app'."),
                refused("negative host port", ec2("", container("'memory':64,'portMappings':[{'containerPort':80,'hostPort':-1}]")),
                        "Invalid 'hostPort' setting for container 'app'."),
                refused("protocol sctp", fargate("", container("'portMappings':[{'containerPort':80,'protocol':'sctp'}]")),
                        "Invalid 'protocol' setting for container 'app'."),
                refused("protocol in capitals", fargate("", container("'portMappings':[{'containerPort':80,'protocol':'TCP'}]")),
                        "Invalid 'protocol' setting for container 'app'."),
                refused("app protocol https", fargate("", container("'portMappings':[{'containerPort':80,'appProtocol':'https'}]")),
                        "Invalid 'appProtocol' setting for container 'app'."),
                refused("port mappings in none mode",
                        ec2("'networkMode':'none'", container("'memory':64,'portMappings':[{'containerPort':80}]")),
                        "Port mappings are not supported when networkMode=none."),
                refused("port range reversed", fargate("", container("'portMappings':[{'containerPortRange':'9000-8000'}]")),
                        "Invalid 'containerPortRange' setting for container 'app'."),
                refused("port range of one port", fargate("", container("'portMappings':[{'containerPortRange':'8000-8000'}]")),
                        "Invalid 'containerPortRange' setting for container 'app'."),
                refused("port range past 65535", fargate("", container("'portMappings':[{'containerPortRange':'65000-65536'}]")),
                        "Invalid 'containerPortRange' setting for container 'app'."),
                refused("port range from zero", fargate("", container("'portMappings':[{'containerPortRange':'0-10'}]")),
                        "Invalid 'containerPortRange' setting for container 'app'."),
                refused("port range garbage", fargate("", container("'portMappings':[{'containerPortRange':'8000:9000'}]")),
                        "Invalid 'containerPortRange' setting for container 'app'."),
                refused("port range with a container port",
                        fargate("", container("'portMappings':[{'containerPortRange':'8000-9000','containerPort':8000}]")),
                        "Invalid 'containerPortRange' setting for container 'app'."),
                refused("port range with a host port",
                        ec2("", container("'memory':64,'portMappings':[{'containerPortRange':'8000-9000','hostPort':8000}]")),
                        "Invalid 'containerPortRange' setting for container 'app'."),
                refused("port range in host mode",
                        ec2("'networkMode':'host'", container("'memory':64,'portMappings':[{'containerPortRange':'8000-9000'}]")),
                        "Invalid 'containerPortRange' setting for container 'app'."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("portRefusals")
    void refusesAPortMistake(String why, String json, String message) {
        assertRefused(json, message);
    }

    static Stream<Arguments> networkingAndLoggingRefusals() {
        return Stream.of(
                refused("links in awsvpc", fargate("", container("'links':['db']"), named("db", "")),
                        "Links are not supported when networkMode=awsvpc."),
                refused("links in host mode", ec2("'networkMode':'host'", container("'memory':64,'links':['db']"),
                        named("db", "'memory':64")), "Links are not supported when networkMode=host."),
                refused("links in none mode", ec2("'networkMode':'none'", container("'memory':64,'links':['db']"),
                        named("db", "'memory':64")), "Links are not supported when networkMode=none."),
                refused("hostname in awsvpc", fargate("", container("'hostname':'web'")),
                        "hostname is not supported on container when networkMode=awsvpc."),
                refused("extra hosts in awsvpc", fargate("", container("'extraHosts':[{'hostname':'db','ipAddress':'10.0.0.2'}]")),
                        "extraHosts is not supported on container when networkMode=awsvpc."),
                refused("unknown log driver", fargate("", container("'logConfiguration':{'logDriver':'loki'}")),
                        "Invalid 'logDriver' setting for container 'app'."),
                refused("log configuration without a driver", fargate("", container("'logConfiguration':{'options':{}}")),
                        "Invalid 'logDriver' setting for container 'app'."),
                refused("awslogs without options", fargate("", container("'logConfiguration':{'logDriver':'awslogs'}")),
                        "Log driver awslogs requires options: awslogs-region, awslogs-group"),
                refused("awslogs without a group", fargate("", container(
                                "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-region':'us-east-1'}}")),
                        "Log driver awslogs requires options: awslogs-region, awslogs-group"),
                refused("awslogs without a region", fargate("", container(
                                "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-group':'/ecs/web'}}")),
                        "Log driver awslogs requires options: awslogs-region, awslogs-group"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networkingAndLoggingRefusals")
    void refusesANetworkingOrLoggingMistake(String why, String json, String message) {
        assertRefused(json, message);
    }

    static Stream<Arguments> dependencyAndVolumeRefusals() {
        String db = named("db", "'essential':false");
        String healthyDb = named("db", "'healthCheck':{'command':['CMD','true']}");
        return Stream.of(
                refused("depends on a missing container", fargate("", container("'dependsOn':[{'containerName':'db','condition':'START'}]")),
                        "Invalid 'dependsOn' setting for container 'app'. Container 'db' is not another container of this task definition."),
                refused("depends on itself", fargate("", container("'dependsOn':[{'containerName':'app','condition':'START'}]")),
                        "Invalid 'dependsOn' setting for container 'app'. Container 'app' is not another container of this task definition."),
                refused("depends with no container name", fargate("", container("'dependsOn':[{'condition':'START'}]"), db),
                        "Invalid 'dependsOn' setting for container 'app'. Container 'null' is not another container of this task definition."),
                refused("unknown condition", fargate("", container("'dependsOn':[{'containerName':'db','condition':'RUNNING'}]"), db),
                        "Invalid 'dependsOn' setting for container 'app'. The condition must be one of START, COMPLETE, SUCCESS or HEALTHY."),
                refused("no condition", fargate("", container("'dependsOn':[{'containerName':'db'}]"), db),
                        "Invalid 'dependsOn' setting for container 'app'. The condition must be one of START, COMPLETE, SUCCESS or HEALTHY."),
                refused("HEALTHY without a health check", fargate("", container("'dependsOn':[{'containerName':'db','condition':'HEALTHY'}]"), db),
                        "Invalid 'dependsOn' setting for container 'app'. Container 'db' has no health check, so it cannot become HEALTHY."),
                refused("COMPLETE on an essential container",
                        fargate("", container("'dependsOn':[{'containerName':'db','condition':'COMPLETE'}]"), healthyDb),
                        "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container"),
                refused("SUCCESS on a container essential by default",
                        fargate("", container("'dependsOn':[{'containerName':'db','condition':'SUCCESS'}]"), named("db", "")),
                        "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container"),
                refused("mount of an undeclared volume", fargate("", container("'mountPoints':[{'sourceVolume':'data','containerPath':'/data'}]")),
                        "Unknown volume 'data'."),
                refused("mount with no source volume", fargate("'volumes':[{'name':'data'}]",
                                container("'mountPoints':[{'containerPath':'/data'}]")),
                        "Invalid 'mountPoints' setting for container 'app'. sourceVolume should not be null or empty."),
                refused("mount with no container path", fargate("'volumes':[{'name':'data'}]",
                                container("'mountPoints':[{'sourceVolume':'data'}]")),
                        "Invalid 'mountPoints' setting for container 'app'. containerPath should not be null or empty."),
                refused("volumes from a missing container", fargate("", container("'volumesFrom':[{'sourceContainer':'data'}]")),
                        "Invalid 'volumesFrom' setting for container 'app'. Container 'data' is not another container of this task definition."),
                refused("volumes from itself", fargate("", container("'volumesFrom':[{'sourceContainer':'app'}]")),
                        "Invalid 'volumesFrom' setting for container 'app'. Container 'app' is not another container of this task definition."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dependencyAndVolumeRefusals")
    void refusesADependencyOrVolumeMistake(String why, String json, String message) {
        assertRefused(json, message);
    }

    static Stream<Arguments> healthCheckRefusals() {
        return Stream.of(
                refused("no command", healthCheck("'interval':30"),
                        "Invalid 'healthCheck.command' setting for container 'app'. The command should not be null or empty."),
                refused("empty command", healthCheck("'command':[]"),
                        "Invalid 'healthCheck.command' setting for container 'app'. The command should not be null or empty."),
                refused("interval 4", healthCheck("'command':['CMD','true'],'interval':4"),
                        "Invalid 'healthCheck.interval' setting for container 'app'. Valid values are 5 to 300 seconds."),
                refused("interval 301", healthCheck("'command':['CMD','true'],'interval':301"),
                        "Invalid 'healthCheck.interval' setting for container 'app'. Valid values are 5 to 300 seconds."),
                refused("timeout 1", healthCheck("'command':['CMD','true'],'timeout':1"),
                        "Invalid 'healthCheck.timeout' setting for container 'app'. Valid values are 2 to 60 seconds."),
                refused("timeout 61", healthCheck("'command':['CMD','true'],'timeout':61"),
                        "Invalid 'healthCheck.timeout' setting for container 'app'. Valid values are 2 to 60 seconds."),
                refused("retries 0", healthCheck("'command':['CMD','true'],'retries':0"),
                        "Invalid 'healthCheck.retries' setting for container 'app'. Valid values are 1 to 10 retries."),
                refused("retries 11", healthCheck("'command':['CMD','true'],'retries':11"),
                        "Invalid 'healthCheck.retries' setting for container 'app'. Valid values are 1 to 10 retries."),
                refused("start period -1", healthCheck("'command':['CMD','true'],'startPeriod':-1"),
                        "Invalid 'healthCheck.startPeriod' setting for container 'app'. Valid values are 0 to 300 seconds."),
                refused("start period 301", healthCheck("'command':['CMD','true'],'startPeriod':301"),
                        "Invalid 'healthCheck.startPeriod' setting for container 'app'. Valid values are 0 to 300 seconds."));
    }

    private static String healthCheck(String fields) {
        return fargate("", container("'healthCheck':{" + fields + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("healthCheckRefusals")
    void refusesAHealthCheckOutsideItsRanges(String why, String json, String message) {
        assertRefused(json, message);
    }

    @Test
    void tagsAreValidatedAsEcsValidatesThem() {
        String tooMany = IntStream.range(0, 51).mapToObj(i -> "{'key':'k" + i + "','value':'v'}")
                .collect(Collectors.joining(","));
        assertRefused(fargate("'tags':[" + tooMany + "]", APP), "InvalidParameterException",
                "The number of tags must not exceed 50.");
        assertRefused(fargate("'tags':[{'key':'aws:owner','value':'me'}]", APP), "InvalidParameterException",
                "Tag keys cannot start with the reserved prefix 'aws:'.");
        assertRefused(fargate("'tags':[{'key':'AWS:owner','value':'me'}]", APP), "InvalidParameterException",
                "Tag keys cannot start with the reserved prefix 'aws:'.");
        assertRefused(fargate("'tags':[{'key':'','value':'me'}]", APP), "InvalidParameterException",
                "Tag keys must be between 1 and 128 characters in length.");
        assertRefused(fargate("'tags':[{'key':'" + "k".repeat(129) + "','value':'me'}]", APP), "InvalidParameterException",
                "Tag keys must be between 1 and 128 characters in length.");
        assertRefused(fargate("'tags':[{'key':'team','value':'" + "v".repeat(257) + "'}]", APP), "InvalidParameterException",
                "Tag values must be between 0 and 256 characters in length.");
    }

    static Stream<Arguments> acceptedEdges() {
        String fiftyTags = IntStream.range(0, 50).mapToObj(i -> "{'key':'k" + i + "','value':'v'}")
                .collect(Collectors.joining(","));
        return Stream.of(
                accepted("family of 255 characters", fargate("'family':'" + LONG_NAME + "'", APP)),
                accepted("family of letters, digits, '-' and '_'", fargate("'family':'Web_App-2'", APP)),
                accepted("container name of 255 characters", fargate("", named(LONG_NAME, ""))),
                accepted("container names differing in case", fargate("", named("Web", ""), named("web", ""))),
                accepted("ten containers", fargate("", containers(10))),
                accepted("one essential container among three",
                        fargate("", named("a", "'essential':false"), named("b", ""), named("c", "'essential':false"))),
                accepted("container memory equal to the task's", fargate("", container("'memory':512"))),
                accepted("container memory equal to its reservation", ec2("", container("'memory':256,'memoryReservation':256"))),
                accepted("EC2 container with only a reservation", ec2("", container("'memoryReservation':128"))),
                accepted("EC2 container without memory when the task has some", ec2("'memory':'0.5GB'", APP)),
                accepted("container cpus summing to the task's", fargate("", named("a", "'cpu':128"), named("b", "'cpu':128"))),
                accepted("EC2 task cpu of 128", ec2("'cpu':'128'", EC2_APP)),
                accepted("EC2 task cpu of 192 vCPU", ec2("'cpu':'192 vCPU'", EC2_APP)),
                accepted("EC2 task of any memory", ec2("'cpu':'300','memory':'700'", APP)),
                accepted("awsvpc host port equal to the container port",
                        fargate("", container("'portMappings':[{'containerPort':80,'hostPort':80}]"))),
                accepted("bridge host port of its own", ec2("", container("'memory':64,'portMappings':[{'containerPort':80,'hostPort':8080}]"))),
                accepted("bridge dynamic host port", ec2("", container("'memory':64,'portMappings':[{'containerPort':80,'hostPort':0}]"))),
                accepted("ports 1 and 65535", fargate("", container("'portMappings':[{'containerPort':1},{'containerPort':65535,'protocol':'udp'}]"))),
                accepted("port range in awsvpc", fargate("", container("'portMappings':[{'containerPortRange':'8000-9000'}]"))),
                accepted("port range in bridge", ec2("", container("'memory':64,'portMappings':[{'containerPortRange':'1-65535'}]"))),
                accepted("app protocols", fargate("", container("'portMappings':[{'containerPort':80,'appProtocol':'http'},"
                        + "{'containerPort':81,'appProtocol':'http2'},{'containerPort':82,'appProtocol':'grpc'}]"))),
                accepted("links in bridge mode", ec2("", container("'memory':64,'links':['db:database']"), named("db", "'memory':64"))),
                accepted("hostname in bridge mode", ec2("", container("'memory':64,'hostname':'web'"))),
                accepted("every other log driver", fargate("", named("a", "'logConfiguration':{'logDriver':'json-file'}"),
                        named("b", "'logConfiguration':{'logDriver':'splunk','options':{'splunk-url':'https://s'}}"),
                        named("c", "'logConfiguration':{'logDriver':'awsfirelens'}"),
                        named("d", "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-region':'us-east-1','awslogs-group':'g'}}"))),
                accepted("each dependency condition", fargate("",
                        container("'dependsOn':[{'containerName':'init','condition':'SUCCESS'},{'containerName':'setup','condition':'COMPLETE'},"
                                + "{'containerName':'db','condition':'HEALTHY'},{'containerName':'log','condition':'START'}]"),
                        named("init", "'essential':false"), named("setup", "'essential':false"),
                        named("db", "'healthCheck':{'command':['CMD-SHELL','pg_isready']}"), named("log", ""))),
                accepted("mounts of declared volumes and volumes from a sibling", fargate("'volumes':[{'name':'data'},{'name':'cache','host':{}}]",
                        container("'mountPoints':[{'sourceVolume':'data','containerPath':'/data','readOnly':true},"
                                + "{'sourceVolume':'cache','containerPath':'/cache'}],'volumesFrom':[{'sourceContainer':'side'}]"),
                        named("side", ""))),
                accepted("health check at its limits", fargate("", container(
                        "'healthCheck':{'command':['CMD','true'],'interval':5,'timeout':2,'retries':1,'startPeriod':0}"),
                        named("b", "'healthCheck':{'command':['CMD','true'],'interval':300,'timeout':60,'retries':10,'startPeriod':300}"))),
                accepted("one volume configured at launch", fargate("'volumes':[{'name':'ebs','configuredAtLaunch':true}]", APP)),
                accepted("ten placement constraints on EC2", ec2("'placementConstraints':["
                        + IntStream.range(0, 10).mapToObj(i -> "{'type':'memberOf','expression':'attribute:n==" + i + "'}")
                        .collect(Collectors.joining(",")) + "]", EC2_APP)),
                accepted("fifty tags", fargate("'tags':[" + fiftyTags + "]", APP)),
                accepted("every compatibility at once", fargate("'requiresCompatibilities':['EC2','FARGATE','MANAGED_INSTANCES']", APP)),
                accepted("EXTERNAL in bridge mode", plain("'requiresCompatibilities':['EXTERNAL']", EC2_APP)),
                accepted("pid and ipc modes on EC2", ec2("'pidMode':'host','ipcMode':'none'", EC2_APP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedEdges")
    void acceptsWhatEcsAccepts(String why, String json) {
        assertThatCode(() -> register(json)).doesNotThrowAnyException();
    }

    @Test
    void theFirstMistakeInRequestOrderIsReported() {
        assertRefused(fargate("'family':'bad name','cpu':'junk'", container("'image':null")), "Family contains invalid characters.");
        assertRefused(fargate("'cpu':'junk'", container("'image':null")), FargateSizesInvalid.CPU);
        assertThat(register(fargate("", APP)).family()).isEqualTo("web");
    }

    /** The two messages FargateSizes owns, spelt out once for the task-level cases. */
    private static final class FargateSizesInvalid {
        static final String CPU = "Invalid 'cpu' setting for task. For more information, see the "
                + "Troubleshooting section of the Amazon ECS Developer Guide.";
        static final String MEMORY = "Invalid 'memory' setting for task. For more information, see the "
                + "Troubleshooting section of the Amazon ECS Developer Guide.";
    }
}
