package io.berth.ecs;

import io.berth.ecs.model.Tag;
import io.berth.kit.TagPolicy;

/** ECS resource tags: the shared tag rules with ECS's messages, the {@code aws:} prefix reserved in any case. */
final class TagRules {

    private static final String TOO_MANY = "The number of tags must not exceed " + TagPolicy.MAX_TAGS + ".";

    static final TagPolicy<Tag> POLICY = new TagPolicy<>(new TagPolicy.Shape<>(Tag::key, Tag::value, Tag::new),
            new TagPolicy.Errors(null,
                    () -> EcsErrors.invalidParameter("Tag keys must be between 1 and 128 characters in length."),
                    () -> EcsErrors.invalidParameter("Tag values must be between 0 and 256 characters in length."),
                    () -> EcsErrors.invalidParameter("Tag keys cannot start with the reserved prefix 'aws:'."),
                    () -> EcsErrors.invalidParameter(TOO_MANY)),
            1, true, false);

    private TagRules() {
    }
}
