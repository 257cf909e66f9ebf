package io.berth.ecs;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterIT {

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
    }

    @AfterAll
    static void stop() {
        ecs.close();
        berth.close();
    }

    @Test
    void createClusterReturnsTheClusterAsEcsDoes() {
        Cluster cluster = ecs.createCluster(r -> r.clusterName("created")).cluster();

        assertThat(cluster.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/created");
        assertThat(cluster.clusterName()).isEqualTo("created");
        assertThat(cluster.status()).isEqualTo("ACTIVE");
        assertThat(cluster.runningTasksCount()).isZero();
        assertThat(cluster.activeServicesCount()).isZero();
        assertThat(cluster.settings()).containsExactly(
                ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build());
    }

    @Test
    void createClusterIsIdempotentOnName() {
        Cluster first = ecs.createCluster(r -> r.clusterName("twice").tags(Tag.builder().key("a").value("1").build())).cluster();
        Cluster second = ecs.createCluster(r -> r.clusterName("twice")).cluster();

        assertThat(second).isEqualTo(first);
        assertThat(ecs.listClusters().clusterArns()).containsOnlyOnce(first.clusterArn());
    }

    @Test
    void createClusterWithoutNameCreatesDefault() {
        Cluster cluster = ecs.createCluster(r -> { }).cluster();

        assertThat(cluster.clusterName()).isEqualTo("default");
        assertThat(ecs.describeClusters(r -> { }).clusters()).extracting(Cluster::clusterName).containsExactly("default");
    }

    @Test
    void invalidClusterNamesAreRefused() {
        for (String name : List.of("has space", "x".repeat(256), "slash/name", "")) {
            assertThatThrownBy(() -> ecs.createCluster(r -> r.clusterName(name)))
                    .as(name).isInstanceOf(InvalidParameterException.class);
        }
        assertThat(ecs.listClusters().clusterArns()).noneMatch(arn -> arn.endsWith("/has space"));
    }

    @Test
    void describeClustersReportsMissingOnesAsFailures() {
        ecs.createCluster(r -> r.clusterName("described"));

        DescribeClustersResponse response = ecs.describeClusters(r -> r.clusters(
                "described", "arn:aws:ecs:us-east-1:000000000000:cluster/described", "nope"));

        assertThat(response.clusters()).extracting(Cluster::clusterName).containsExactly("described", "described");
        assertThat(response.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/nope");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void describeClustersIncludesOptionalPartsOnlyWhenAsked() {
        ecs.createCluster(r -> r.clusterName("included").tags(Tag.builder().key("team").value("core").build()));

        Cluster plain = ecs.describeClusters(r -> r.clusters("included")).clusters().getFirst();
        Cluster full = ecs.describeClusters(r -> r.clusters("included")
                .include(ClusterField.TAGS, ClusterField.SETTINGS, ClusterField.STATISTICS)).clusters().getFirst();

        assertThat(plain.tags()).isEmpty();
        assertThat(plain.hasSettings()).isFalse();
        assertThat(full.tags()).containsExactly(Tag.builder().key("team").value("core").build());
        assertThat(full.settings()).isNotEmpty();
        assertThat(full.statistics()).isNotEmpty();
    }

    @Test
    void listClustersPaginates() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = "page-" + i;
            created.add(ecs.createCluster(r -> r.clusterName(name)).cluster().clusterArn());
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListClustersResponse page = ecs.listClusters(r -> r.maxResults(3).nextToken(next));
            assertThat(page.clusterArns()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page.clusterArns());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(seen).containsAll(created).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThatThrownBy(() -> ecs.listClusters(r -> r.maxResults(101))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void updateClusterSettingsChangesContainerInsights() {
        ecs.createCluster(r -> r.clusterName("insights"));

        Cluster updated = ecs.updateClusterSettings(r -> r.cluster("insights").settings(
                ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build())).cluster();

        assertThat(updated.settings()).extracting(ClusterSetting::value).containsExactly("enabled");
        Cluster described = ecs.describeClusters(r -> r.clusters("insights").include(ClusterField.SETTINGS)).clusters().getFirst();
        assertThat(described.settings()).extracting(ClusterSetting::value).containsExactly("enabled");
        assertThatThrownBy(() -> ecs.updateCluster(r -> r.cluster("insights").settings(
                ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("sometimes").build())))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.updateCluster(r -> r.cluster("absent").settings(List.of())))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void deleteClusterMakesItInactive() {
        ecs.createCluster(r -> r.clusterName("doomed"));

        Cluster deleted = ecs.deleteCluster(r -> r.cluster("doomed")).cluster();

        assertThat(deleted.status()).isEqualTo("INACTIVE");
        assertThat(ecs.listClusters().clusterArns()).noneMatch(arn -> arn.endsWith("/doomed"));
        assertThat(ecs.describeClusters(r -> r.clusters("doomed")).clusters())
                .extracting(Cluster::status).containsExactly("INACTIVE");
        assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("doomed")))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThat(ecs.createCluster(r -> r.clusterName("doomed")).cluster().status()).isEqualTo("ACTIVE");
    }

    @Test
    void clustersAreTaggable() {
        String arn = ecs.createCluster(r -> r.clusterName("tagged")).cluster().clusterArn();

        ecs.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("env").value("dev").build(),
                Tag.builder().key("owner").value("me").build()));
        ecs.untagResource(r -> r.resourceArn(arn).tagKeys("owner"));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("env").value("dev").build());
        assertThatThrownBy(() -> ecs.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("aws:x").value("y").build())))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void stateIsPerRegion() {
        ecs.createCluster(r -> r.clusterName("east-only"));
        try (EcsClient west = berth.ecs("eu-west-1", TestBerth.ACCESS_KEY, TestBerth.SECRET_KEY)) {
            assertThat(west.listClusters().clusterArns()).noneMatch(arn -> arn.endsWith("/east-only"));
            assertThat(west.createCluster(r -> r.clusterName("west")).cluster().clusterArn())
                    .isEqualTo("arn:aws:ecs:eu-west-1:000000000000:cluster/west");
        }
    }
}
