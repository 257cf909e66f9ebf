package io.berth.ecs;

import io.berth.ec2.Eni;
import io.berth.ecs.model.Attachment;
import io.berth.ecs.model.Container;
import io.berth.ecs.model.KeyValuePair;
import io.berth.ecs.model.NetworkInterface;

import java.util.List;
import java.util.Optional;

/**
 * A task's elastic network interface as ECS reports it: an attachment PRECREATED at RunTask with
 * its subnet, ATTACHED with the interface's id, MAC, DNS name and address once wired, DETACHED
 * when the task has stopped; and each container's view of the interface.
 */
final class TaskAttachments {

    static final String TYPE = "ElasticNetworkInterface";
    static final String PRECREATED = "PRECREATED";
    static final String ATTACHED = "ATTACHED";
    static final String DETACHED = "DETACHED";

    private TaskAttachments() {
    }

    static Attachment precreated(String id, String subnetId) {
        return new Attachment(id, TYPE, PRECREATED, List.of(new KeyValuePair("subnetId", subnetId)));
    }

    static Optional<Attachment> eni(List<Attachment> attachments) {
        return attachments == null ? Optional.empty()
                : attachments.stream().filter(a -> TYPE.equals(a.type())).findFirst();
    }

    static List<Attachment> attached(List<Attachment> attachments, Eni eni) {
        return replace(attachments, a -> new Attachment(a.id(), TYPE, ATTACHED, List.of(
                new KeyValuePair("subnetId", eni.subnetId()),
                new KeyValuePair("networkInterfaceId", eni.networkInterfaceId()),
                new KeyValuePair("macAddress", eni.macAddress()),
                new KeyValuePair("privateDnsName", eni.privateDnsName()),
                new KeyValuePair("privateIPv4Address", eni.privateIpv4Address()))));
    }

    static List<Attachment> detached(List<Attachment> attachments) {
        return replace(attachments, a -> new Attachment(a.id(), TYPE, DETACHED, a.details()));
    }

    /** Every container of an awsvpc task shares the task's interface. */
    static List<Container> withInterface(List<Container> containers, Eni eni) {
        return containers.stream().map(c -> {
            ContainerEditor container = ContainerEditor.of(c);
            container.networkInterfaces = List.of(new NetworkInterface(eni.attachmentId(), eni.privateIpv4Address(), null));
            return container.build();
        }).toList();
    }

    private static List<Attachment> replace(List<Attachment> attachments,
                                            java.util.function.UnaryOperator<Attachment> change) {
        return attachments.stream().map(a -> TYPE.equals(a.type()) ? change.apply(a) : a).toList();
    }
}
