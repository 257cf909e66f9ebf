package io.berth.ecs.model;


public record Volume(String name, HostVolumeProperties host, DockerVolumeConfiguration dockerVolumeConfiguration, EFSVolumeConfiguration efsVolumeConfiguration, FSxWindowsFileServerVolumeConfiguration fsxWindowsFileServerVolumeConfiguration, Boolean configuredAtLaunch) {
}
