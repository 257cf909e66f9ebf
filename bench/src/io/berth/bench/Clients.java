package io.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static io.berth.bench.Args.require;

/** The SDK and Docker clients of the benchmarks that launch tasks (launch, network). */
final class Clients {

    private Clients() {
    }

    /**
     * A client of the AWS SDK for Java v2 pointed at one Berth, with the keys and region of the
     * arguments (--access-key-id, --secret-access-key, --region), failing at once rather than retrying.
     */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C aws(B builder, String endpoint,
                                                                                    Map<String, String> args) {
        return builder.endpointOverride(URI.create(endpoint))
                .region(Region.of(args.getOrDefault("region", "us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        require(args, "access-key-id"), require(args, "secret-access-key"))))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A docker-java client of the engine at {@code host}. */
    static DockerClient docker(String host, int maxConnections) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host).build();
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .maxConnections(maxConnections)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60))
                .build());
    }
}
