package io.berth.ecs.model;


public record ClusterConfiguration(ExecuteCommandConfiguration executeCommandConfiguration, ManagedStorageConfiguration managedStorageConfiguration) {
}
