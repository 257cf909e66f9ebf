package io.berth.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class TagPolicyTest {

    record Tag(String key, String value) {
    }

    static final class Refused extends RuntimeException {
        Refused(String rule) {
            super(rule);
        }
    }

    private static final TagPolicy.Shape<Tag> SHAPE = new TagPolicy.Shape<>(Tag::key, Tag::value, Tag::new);
    private static final TagPolicy.Errors ERRORS = new TagPolicy.Errors(() -> new Refused("missing"),
            () -> new Refused("key"), () -> new Refused("value"), () -> new Refused("prefix"), () -> new Refused("many"));
    /** As ECS: a missing or empty key breaks the length rule, {@code AWS:} is reserved too. */
    private static final TagPolicy<Tag> STRICT = new TagPolicy<>(SHAPE, new TagPolicy.Errors(null, ERRORS.keyLength(),
            ERRORS.valueLength(), ERRORS.reservedPrefix(), ERRORS.tooMany()), 1, true, false);
    /** As EC2: an empty key allowed, only {@code aws:} as spelled reserved. */
    private static final TagPolicy<Tag> LENIENT = new TagPolicy<>(SHAPE, ERRORS, 0, false, false);
    /** As IAM users: keys differing in case are one key. */
    private static final TagPolicy<Tag> CASELESS = TagPolicy.limitOnly(SHAPE, () -> new Refused("many"), true);

    @Test
    void acceptsKeysAndValuesAtTheirLimits() {
        List<Tag> tags = List.of(new Tag("k".repeat(128), "v".repeat(256)), new Tag("a", ""), new Tag("b", null),
                new Tag("awsome", "x"), new Tag("my:aws:key", "x"));
        assertThat(STRICT.validate(tags)).isSameAs(tags);
        assertThat(LENIENT.validate(tags)).isSameAs(tags);
        assertThat(STRICT.validate(null)).isEmpty();
    }

    @Test
    void refusesEachBrokenRuleWithTheServicesError() {
        assertRefused(STRICT, new Tag(null, "v"), "key");
        assertRefused(LENIENT, new Tag(null, "v"), "missing");
        assertRefused(STRICT, new Tag("", "v"), "key");
        assertRefused(STRICT, new Tag("k".repeat(129), "v"), "key");
        assertRefused(LENIENT, new Tag("k".repeat(129), "v"), "key");
        assertRefused(STRICT, new Tag("k", "v".repeat(257)), "value");
        assertRefused(STRICT, new Tag("aws:cloudformation:stack", "v"), "prefix");
        assertRefused(STRICT, new Tag("AWS:x", "v"), "prefix");
        assertRefused(LENIENT, new Tag("aws:x", "v"), "prefix");
        assertThat(LENIENT.validate(List.of(new Tag("", "v"), new Tag("AWS:x", "v")))).hasSize(2);
    }

    @Test
    void checksLengthsBeforeThePrefix() {
        assertRefused(STRICT, new Tag("aws:" + "k".repeat(125), "v"), "key");
        assertRefused(STRICT, new Tag("aws:x", "v".repeat(257)), "value");
    }

    @Test
    void refusesMoreThanFiftyTagsInARequestAfterCheckingEach() {
        assertThat(STRICT.validate(tags(50, "k"))).hasSize(50);
        assertThatThrownBy(() -> STRICT.validate(tags(51, "k"))).hasMessage("many");
        List<Tag> broken = new ArrayList<>(tags(51, "k"));
        broken.add(new Tag("aws:x", "v"));
        assertThatThrownBy(() -> STRICT.validate(broken)).hasMessage("prefix");
    }

    @Test
    void mergeSetsAddedTagsOverExistingOnesInOrder() {
        List<Tag> merged = STRICT.merge(List.of(new Tag("a", "1"), new Tag("b", "2")),
                List.of(new Tag("c", "3"), new Tag("a", "9")));
        assertThat(merged).containsExactly(new Tag("a", "9"), new Tag("b", "2"), new Tag("c", "3"));
    }

    @Test
    void mergeGivesAMissingValueTheEmptyString() {
        assertThat(STRICT.merge(null, List.of(new Tag("a", null)))).containsExactly(new Tag("a", ""));
        assertThat(STRICT.merge(List.of(new Tag("a", "1")), null)).containsExactly(new Tag("a", "1"));
    }

    @Test
    void mergeChecksEachAddedTag() {
        assertThatThrownBy(() -> STRICT.merge(List.of(), List.of(new Tag("aws:x", "v")))).hasMessage("prefix");
    }

    @Test
    void mergeRefusesMoreThanFiftyInAll() {
        assertThat(STRICT.merge(tags(40, "old"), tags(10, "new"))).hasSize(50);
        assertThatThrownBy(() -> STRICT.merge(tags(40, "old"), tags(11, "new"))).hasMessage("many");
        assertThat(STRICT.merge(tags(50, "k"), tags(50, "k"))).hasSize(50);
    }

    @Test
    void keysIgnoringCaseAreOneKeyThatTakesTheNewSpelling() {
        List<Tag> merged = CASELESS.merge(List.of(new Tag("Team", "a"), new Tag("env", "dev")),
                List.of(new Tag("TEAM", "b")));
        assertThat(merged).containsExactly(new Tag("TEAM", "b"), new Tag("env", "dev"));
        assertThat(STRICT.merge(List.of(new Tag("Team", "a")), List.of(new Tag("TEAM", "b")))).hasSize(2);
    }

    @Test
    void aLimitOnlyPolicyLeavesKeysAndValuesToTheModel() {
        assertThat(CASELESS.merge(List.of(), List.of(new Tag("aws:x", "v".repeat(300))))).hasSize(1);
        assertThatThrownBy(() -> CASELESS.merge(tags(50, "a"), List.of(new Tag("z", "v")))).hasMessage("many");
    }

    @Test
    void removeDropsTheNamedKeys() {
        List<Tag> tags = List.of(new Tag("a", "1"), new Tag("B", "2"), new Tag("c", "3"));
        assertThat(STRICT.remove(tags, List.of("a", "b", "zz"))).containsExactly(new Tag("B", "2"), new Tag("c", "3"));
        assertThat(CASELESS.remove(tags, List.of("a", "b"))).containsExactly(new Tag("c", "3"));
        assertThat(STRICT.remove(tags, null)).isEqualTo(tags);
        assertThat(STRICT.remove(null, List.of("a"))).isEmpty();
    }

    @Test
    void tagsReadAsAMapInTheirOrder() {
        assertThat(STRICT.asMap(List.of(new Tag("b", "2"), new Tag("a", "1"))))
                .containsExactly(entry("b", "2"), entry("a", "1"));
        assertThat(STRICT.asMap(null)).isEmpty();
    }

    @Test
    void mapTagsMergeAsEntries() {
        TagPolicy<Map.Entry<String, String>> policy = TagPolicy.limitOnly(TagPolicy.ENTRIES, () -> new Refused("many"),
                false);
        Map<String, String> existing = new LinkedHashMap<>(Map.of("a", "1"));
        Map<String, String> merged = policy.asMap(policy.merge(existing.entrySet(), Map.of("a", "2", "b", "3").entrySet()));
        assertThat(merged).containsOnly(entry("a", "2"), entry("b", "3"));
        assertThat(policy.asMap(policy.remove(merged.entrySet(), List.of("a")))).containsOnly(entry("b", "3"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 49, 50})
    void anyCountUpToTheLimitMerges(int count) {
        assertThat(LENIENT.merge(List.of(), tags(count, "k"))).hasSize(count);
    }

    private static void assertRefused(TagPolicy<Tag> policy, Tag tag, String rule) {
        assertThatThrownBy(() -> policy.validate(List.of(tag))).isInstanceOf(Refused.class).hasMessage(rule);
        assertThatThrownBy(() -> policy.merge(List.of(), List.of(tag))).isInstanceOf(Refused.class).hasMessage(rule);
    }

    private static List<Tag> tags(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> new Tag(prefix + i, "v")).toList();
    }
}
