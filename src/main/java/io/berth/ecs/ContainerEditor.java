package io.berth.ecs;

import io.berth.ecs.model.Container;
import io.berth.ecs.model.ManagedAgent;
import io.berth.ecs.model.NetworkBinding;
import io.berth.ecs.model.NetworkInterface;

import java.util.List;

/** A task container being changed: the record's fields, settable, then built back into a record. */
final class ContainerEditor {

    String containerArn;
    String taskArn;
    String name;
    String image;
    String imageDigest;
    String runtimeId;
    String lastStatus;
    Integer exitCode;
    String reason;
    List<NetworkBinding> networkBindings;
    List<NetworkInterface> networkInterfaces;
    String healthStatus;
    List<ManagedAgent> managedAgents;
    String cpu;
    String memory;
    String memoryReservation;
    List<String> gpuIds;

    static ContainerEditor of(Container source) {
        ContainerEditor e = new ContainerEditor();
        e.containerArn = source.containerArn();
        e.taskArn = source.taskArn();
        e.name = source.name();
        e.image = source.image();
        e.imageDigest = source.imageDigest();
        e.runtimeId = source.runtimeId();
        e.lastStatus = source.lastStatus();
        e.exitCode = source.exitCode();
        e.reason = source.reason();
        e.networkBindings = source.networkBindings();
        e.networkInterfaces = source.networkInterfaces();
        e.healthStatus = source.healthStatus();
        e.managedAgents = source.managedAgents();
        e.cpu = source.cpu();
        e.memory = source.memory();
        e.memoryReservation = source.memoryReservation();
        e.gpuIds = source.gpuIds();
        return e;
    }

    Container build() {
        return new Container(containerArn, taskArn, name, image, imageDigest, runtimeId, lastStatus, exitCode, reason, networkBindings, networkInterfaces, healthStatus, managedAgents, cpu, memory, memoryReservation, gpuIds);
    }
}
