package io.berth.elb;

import com.fasterxml.jackson.core.type.TypeReference;
import io.berth.elb.ElbMessages.Action;
import io.berth.elb.ElbMessages.AvailabilityZone;
import io.berth.elb.ElbMessages.Matcher;
import io.berth.elb.ElbMessages.RuleCondition;
import io.berth.elb.ElbMessages.Tag;
import io.berth.elb.ElbMessages.TargetDescription;
import io.berth.store.EmbeddedJson;

import java.util.List;

/** Between ELB's wire records and the store's own shapes of {@link Stored}. */
final class StoredShapes {

    private static final TypeReference<List<Action>> ACTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<RuleCondition>> CONDITIONS = new TypeReference<>() {
    };

    private StoredShapes() {
    }

    static EmbeddedJson actions(List<Action> actions) {
        return EmbeddedJson.of(actions);
    }

    /** The actions kept; none (an empty list) for a default rule, whose actions are its listener's. */
    static List<Action> actions(EmbeddedJson actions) {
        List<Action> read = EmbeddedJson.read(actions, ACTIONS);
        return read == null ? List.of() : read;
    }

    static EmbeddedJson conditions(List<RuleCondition> conditions) {
        return EmbeddedJson.of(conditions);
    }

    static List<RuleCondition> conditions(EmbeddedJson conditions) {
        List<RuleCondition> read = EmbeddedJson.read(conditions, CONDITIONS);
        return read == null ? List.of() : read;
    }

    static List<Stored.Tag> tags(List<Tag> tags) {
        return tags == null ? List.of() : tags.stream().map(t -> new Stored.Tag(t.key(), t.value())).toList();
    }

    static List<Tag> wireTags(List<Stored.Tag> tags) {
        return tags.stream().map(t -> new Tag(t.key(), t.value())).toList();
    }

    static List<AvailabilityZone> zones(List<Stored.Zone> zones) {
        return zones.stream().map(z -> new AvailabilityZone(z.zoneName(), z.subnetId())).toList();
    }

    static Stored.Target target(TargetDescription target) {
        return new Stored.Target(target.id(), target.port(), target.availabilityZone());
    }

    static TargetDescription target(Stored.Target target) {
        return new TargetDescription(target.id(), target.port(), target.availabilityZone());
    }

    static Stored.Matcher matcher(Matcher matcher) {
        return matcher == null ? null : new Stored.Matcher(matcher.httpCode(), matcher.grpcCode());
    }

    static Matcher matcher(Stored.Matcher matcher) {
        return matcher == null ? null : new Matcher(matcher.httpCode(), matcher.grpcCode());
    }
}
