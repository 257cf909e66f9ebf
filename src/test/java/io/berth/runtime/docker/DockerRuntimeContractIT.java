package io.berth.runtime.docker;

import io.berth.TestBerth;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.ContainerRuntimeContract;

import java.util.List;
import java.util.UUID;

/** Docker, on the engine the tests provision, holds to the runtime contract. */
class DockerRuntimeContractIT extends ContainerRuntimeContract {

    @Override
    protected ContainerRuntime newRuntime() {
        return DockerRuntime.connect(TestBerth.dockerHost(), "contract-" + UUID.randomUUID(), 0);
    }

    @Override
    protected String presentImage() {
        return "busybox:latest";
    }

    @Override
    protected List<String> longRunningCommand() {
        return List.of("sleep", "3600");
    }
}
