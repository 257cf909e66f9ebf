package io.berth.ec2;

import io.berth.ec2.Ec2Messages.Filter;
import io.berth.edge.AwsException;
import io.berth.store.StoredTag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiltersTest {

    record Thing(String id, boolean special, List<String> groups, List<StoredTag> tags) {
    }

    private static final Filters<Thing> FILTERS = Filters.<Thing>builder()
            .field("id", Thing::id)
            .flag("is-special", Thing::special)
            .fields("group", Thing::groups)
            .alias("isSpecial", "is-special")
            .absent("ipv6-cidr")
            .tags(Thing::tags)
            .build();

    private static final Thing THING = new Thing("web-1", true, List.of("sg-a", "sg-b"),
            List.of(new StoredTag("Name", "front door"), new StoredTag("env", "")));

    private static boolean matches(Filter... filters) {
        Predicate<Thing> matcher = FILTERS.matcher(List.of(filters));
        return matcher.test(THING);
    }

    private static Filter filter(String name, String... values) {
        return new Filter(name, List.of(values));
    }

    @Test
    void valuesOfOneFilterAreAlternativesAndFiltersMustAllMatch() {
        assertThat(matches()).isTrue();
        assertThat(matches(filter("id", "web-2", "web-1"))).isTrue();
        assertThat(matches(filter("id", "web-2"))).isFalse();
        assertThat(matches(filter("id", "web-1"), filter("is-special", "true"))).isTrue();
        assertThat(matches(filter("id", "web-1"), filter("is-special", "false"))).isFalse();
        assertThat(matches(filter("group", "sg-b"))).isTrue();
        assertThat(matches(filter("id"))).isFalse();
    }

    @Test
    void wildcardsMatchAnyRunOrOneCharacterAndCanBeEscaped() {
        assertThat(matches(filter("id", "web-*"))).isTrue();
        assertThat(matches(filter("id", "*"))).isTrue();
        assertThat(matches(filter("id", "we?-1"))).isTrue();
        assertThat(matches(filter("id", "we?"))).isFalse();
        assertThat(matches(filter("id", "web\\*"))).isFalse();
        assertThat(matches(filter("id", "w.b-1"))).isFalse();
        assertThat(matches(filter("id", "*-*"))).isTrue();
        assertThat(matches(filter("id", "*b*1"))).isTrue();
        assertThat(matches(filter("id", "*b*2"))).isFalse();
        assertThat(matches(filter("id", "web-1*"))).isTrue();
        assertThat(matches(filter("id", "??????"))).isFalse();
        assertThat(matches(filter("id", "*?????"))).isTrue();
        assertThat(matches(filter("id", "w\\e\\b-1"))).isTrue();
        assertThat(matches(filter("tag:Name", "front\\ door"))).isTrue();
    }

    @Test
    void aValueOfMegabytesIsMatchedAtOnce() {
        long started = System.nanoTime();
        assertThat(matches(filter("id", "x".repeat(3 << 20)), filter("tag:Name", "*a".repeat(1 << 20) + "b"))).isFalse();
        assertThat(matches(filter("tag:Name", "*".repeat(1 << 20) + "door"))).isTrue();
        assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(5_000_000_000L);
    }

    @Test
    void tagFiltersLookAtKeysAndValues() {
        assertThat(matches(filter("tag:Name", "front door"))).isTrue();
        assertThat(matches(filter("tag:Name", "front*"))).isTrue();
        assertThat(matches(filter("tag:Name", "back door"))).isFalse();
        assertThat(matches(filter("tag:env", ""))).isTrue();
        assertThat(matches(filter("tag:name", "front door"))).isFalse();
        assertThat(matches(filter("tag-key", "env"))).isTrue();
        assertThat(matches(filter("tag-key", "owner"))).isFalse();
        assertThat(matches(filter("tag-value", "front*"))).isTrue();
        assertThat(matches(filter("tag-value", ""))).isTrue();
        assertThat(matches(filter("tag-value", "back door"))).isFalse();
    }

    @Test
    void anAliasFiltersAsTheFilterItNames() {
        assertThat(matches(filter("isSpecial", "true"))).isTrue();
        assertThat(matches(filter("isSpecial", "false"))).isFalse();
    }

    @Test
    void aFilterOnWhatNoResourceHasMatchesNothing() {
        assertThat(matches(filter("ipv6-cidr", "*"))).isFalse();
    }

    @Test
    void aBackslashEscapesWildcardsAndItself() {
        Filters<String> ids = Filters.<String>builder().field("id", s -> s).build();
        assertThat(ids.matcher(List.of(filter("id", "\\*amazon\\?\\\\"))).test("*amazon?\\")).isTrue();
        assertThat(ids.matcher(List.of(filter("id", "\\*amazon\\?\\\\"))).test("xamazonx\\")).isFalse();
        assertThat(ids.matcher(List.of(filter("id", "a\\"))).test("a\\")).isTrue();
    }

    @Test
    void aFilterDefinedTwiceOrAnAliasOfNothingIsAMistake() {
        assertThatThrownBy(() -> Filters.<String>builder().field("id", s -> s).field("id", s -> s))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Filters.<String>builder().alias("vpcId", "vpc-id"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unknownFilterNamesAreRefused() {
        assertThatThrownBy(() -> matches(filter("colour", "red")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getMessage()).isEqualTo("The filter 'colour' is invalid");
                });
        Filters<String> untagged = Filters.<String>builder().field("id", s -> s).build();
        assertThatThrownBy(() -> untagged.matcher(List.of(filter("tag:Name", "x"))))
                .isInstanceOf(AwsException.class).hasMessage("The filter 'tag:Name' is invalid");
    }
}
