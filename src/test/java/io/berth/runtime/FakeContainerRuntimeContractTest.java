package io.berth.runtime;

import java.time.InstantSource;
import java.util.List;
import java.util.Set;

/** The in-memory fake holds to the runtime contract, so controller tests on it stand for Docker. */
class FakeContainerRuntimeContractTest extends ContainerRuntimeContract {

    @Override
    protected ContainerRuntime newRuntime() {
        return new FakeContainerRuntime(InstantSource.system(), Set.of(presentImage()));
    }

    @Override
    protected String presentImage() {
        return "busybox:latest";
    }

    @Override
    protected List<String> longRunningCommand() {
        return null;
    }
}
