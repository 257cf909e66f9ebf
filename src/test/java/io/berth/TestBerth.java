package io.berth;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import io.berth.runtime.ContainerStatus;
import io.berth.net.LinuxTaskNetwork;
import io.berth.runtime.docker.DockerRuntime;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/** A Berth started in-process on an ephemeral port, with clients of the AWS SDK for Java v2 pointed at it. */
public final class TestBerth implements AutoCloseable {

    public static final String ACCOUNT = "000000000000";
    public static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final AwsCredentials ROOT = AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY);

    private final BerthServer server;

    private TestBerth(BerthServer server) {
        this.server = server;
    }

    public static TestBerth start(Path dataDir) {
        return start(dataDir, InstantSource.system());
    }

    public static TestBerth start(Path dataDir, InstantSource clock) {
        return start(dataDir, clock, Duration.ofHours(1));
    }

    public static TestBerth start(Path dataDir, InstantSource clock, Duration stoppedTaskRetention) {
        try {
            return new TestBerth(BerthServer.start(new BerthConfig("127.0.0.1", 0, dataDir, "us-east-1", ACCOUNT,
                    Duration.ofMinutes(5), ACCESS_KEY, SECRET_KEY, dockerHost(), stoppedTaskRetention, true, true,
                    Duration.ZERO), clock));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine the test command provisions; integration tests fail, not skip, without one. */
    public static String dockerHost() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isEmpty()) {
            throw new IllegalStateException("DOCKER_HOST is not set: run the tests with 'bin/berth test', "
                    + "which starts a Docker engine for them");
        }
        return host;
    }

    /** The id labelling this Berth's containers. */
    public String instance() {
        return server.instance();
    }

    public URI endpoint() {
        return URI.create(server.endpoint());
    }

    public EcsClient ecs() {
        return ecs("us-east-1", ACCESS_KEY, SECRET_KEY);
    }

    public EcsClient ecs(String region, String accessKey, String secretKey) {
        return client(EcsClient.builder(), Region.of(region), AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** An ECS client signing with any credentials (a session token when given). */
    public EcsClient ecs(AwsCredentials credentials) {
        return client(EcsClient.builder(), Region.US_EAST_1, credentials);
    }

    public ElasticLoadBalancingV2Client elb() {
        return elb(ROOT);
    }

    /** An ELBv2 client in us-east-1 signing with any credentials. */
    public ElasticLoadBalancingV2Client elb(AwsCredentials credentials) {
        return client(ElasticLoadBalancingV2Client.builder(), Region.US_EAST_1, credentials);
    }

    public IamClient iam() {
        return client(IamClient.builder(), Region.AWS_GLOBAL, ROOT);
    }

    public CloudWatchLogsClient logs(String region) {
        return client(CloudWatchLogsClient.builder(), Region.of(region), ROOT);
    }

    public Ec2Client ec2(String region) {
        return client(Ec2Client.builder(), Region.of(region), ROOT);
    }

    /** A default subnet of the default VPC Berth makes in us-east-1, real enough for RunTask's awsvpcConfiguration. */
    public String defaultSubnetId() {
        return defaultSubnetId(endpoint());
    }

    /** {@link #defaultSubnetId()} of a Berth at the endpoint, started otherwise, signing as its root user. */
    public static String defaultSubnetId(URI endpoint) {
        try (Ec2Client ec2 = client(endpoint, Ec2Client.builder(), Region.US_EAST_1, ROOT)) {
            return ec2.describeSubnets(r -> r.filters(Filter.builder().name("default-for-az").values("true").build()))
                    .subnets().getFirst().subnetId();
        }
    }

    public StsClient sts() {
        return sts(ROOT);
    }

    /** An STS client signing with any credentials (a session token when given). */
    public StsClient sts(AwsCredentials credentials) {
        return client(StsClient.builder(), Region.US_EAST_1, credentials);
    }

    /** A client of the AWS SDK for Java v2 pointed at this Berth, failing at once rather than retrying. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, Region region,
                                                                                       AwsCredentials credentials) {
        return client(endpoint(), builder, region, credentials);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            URI endpoint, B builder, Region region, AwsCredentials credentials) {
        return builder.endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Stops Berth and removes every container and bridge it left (STOPPED tasks keep theirs until pruned). */
    @Override
    public void close() {
        List<String> vpcs = List.of();
        try (Ec2Client ec2 = ec2("us-east-1")) {
            vpcs = ec2.describeVpcs().vpcs().stream().map(Vpc::vpcId).toList();
        } catch (Ec2Exception e) {
            // A Berth on a made-up clock refuses today's signatures; it ran no tasks to leave bridges.
        }
        server.close();
        try (DockerRuntime runtime = DockerRuntime.connect(dockerHost(), server.instance(), 0)) {
            for (ContainerStatus container : runtime.list(Map.of())) {
                runtime.remove(container.id());
            }
        }
        // Tasks left running lose their namespaces with their containers; their VPCs' bridges go too.
        vpcs.forEach(new LinuxTaskNetwork()::removeBridge);
    }
}
