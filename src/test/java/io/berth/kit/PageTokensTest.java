package io.berth.kit;

import io.berth.edge.AwsException;
import io.berth.kit.PageTokens.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTokensTest {

    private static final PageTokens TOKENS = new PageTokens(token -> new AwsException("InvalidNextToken", 400,
            "The token '" + token + "' is invalid."));
    private static final List<String> LETTERS = IntStream.range(0, 26).mapToObj(i -> String.valueOf((char) ('a' + i)))
            .toList();

    @ParameterizedTest
    @ValueSource(strings = {"prod", "a", "group stream with spaces/ünïcödé 😀", "vpc-0a1b2c3d4e5f67890\u0000Name",
            "000/000:*"})
    void aTokenResumesAfterTheKeyItWasMadeOf(String key) {
        String token = TOKENS.encode(key);
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(TOKENS.decode(token)).isEqualTo(key);
    }

    @Test
    void noTokenStartsAtTheBeginning() {
        assertThat(TOKENS.decode(null)).isNull();
        assertThat(TOKENS.decode("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "a", "%%%", "abc=d"})
    void aTokenBerthDidNotMakeGetsTheServicesError(String token) {
        assertThatThrownBy(() -> TOKENS.decode(token)).isInstanceOf(AwsException.class)
                .hasMessage("The token '" + token + "' is invalid.");
    }

    @Test
    void eachServiceNamesItsOwnError() {
        PageTokens ecs = new PageTokens(token -> new AwsException("InvalidParameterException", 400, "Invalid token " + token));
        assertThatThrownBy(() -> ecs.decode("?")).hasMessage("Invalid token ?");
    }

    @Test
    void slicesASortedListIntoPagesThatCoverItOnce() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<String> page = TOKENS.slice(LETTERS, Function.identity(), token, 5);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
            seen.addAll(page.items());
            token = page.nextToken();
            assertThat(page.truncated()).isEqualTo(token != null);
            pages++;
        } while (token != null);
        assertThat(seen).isEqualTo(LETTERS);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void theLastFullPageHasNoToken() {
        Page<String> page = TOKENS.slice(LETTERS.subList(0, 5), Function.identity(), null, 5);
        assertThat(page.items()).hasSize(5);
        assertThat(page.nextToken()).isNull();
        assertThat(page.truncated()).isFalse();
    }

    @Test
    void aPageResumesAfterItsKeyEvenWhenThatItemIsGone() {
        String token = TOKENS.encode("c");
        List<String> without = LETTERS.stream().filter(l -> !l.equals("c") && !l.equals("d")).toList();
        assertThat(TOKENS.slice(without, Function.identity(), token, 2).items()).containsExactly("e", "f");
    }

    @Test
    void filteredPagesAreStillFull() {
        Page<String> page = TOKENS.page(null, 3, PageTokens.over(LETTERS, Function.identity()),
                letter -> "aeiou".contains(letter), Function.identity());
        assertThat(page.items()).containsExactly("a", "e", "i");
        Page<String> next = TOKENS.page(page.nextToken(), 3, PageTokens.over(LETTERS, Function.identity()),
                letter -> "aeiou".contains(letter), Function.identity());
        assertThat(next.items()).containsExactly("o", "u");
        assertThat(next.nextToken()).isNull();
    }

    @Test
    void pagesReadTheStoreInBatches() {
        List<String> many = IntStream.range(0, 1000).mapToObj(i -> "%04d".formatted(i)).toList();
        List<String> asked = new ArrayList<>();
        Page<String> page = TOKENS.page(TOKENS.encode("0099"), 10, (after, size) -> {
            asked.add(after);
            return PageTokens.<String>over(many, Function.identity()).apply(after, size);
        }, id -> id.endsWith("7"), Function.identity());
        assertThat(page.items()).containsExactly("0107", "0117", "0127", "0137", "0147", "0157", "0167", "0177",
                "0187", "0197");
        assertThat(TOKENS.decode(page.nextToken())).isEqualTo("0197");
        assertThat(asked).first().isEqualTo("0099");
        assertThat(asked).hasSizeGreaterThan(1);
    }

    @Test
    void aBadTokenIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> TOKENS.page("!", 5, (after, size) -> {
            throw new AssertionError("read");
        }, item -> true, Function.<String>identity())).hasMessage("The token '!' is invalid.");
    }

    @Test
    void overSkipsUpToAndIncludingTheKey() {
        assertThat(PageTokens.over(LETTERS, Function.identity()).apply("x", 10)).containsExactly("y", "z");
        assertThat(PageTokens.over(LETTERS, Function.identity()).apply(null, 2)).containsExactly("a", "b");
        assertThat(PageTokens.over(LETTERS, Function.identity()).apply("z", 2)).isEmpty();
    }

    @Test
    void aPageIsACopy() {
        List<String> items = new ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(items, null);
        items.add("b");
        assertThat(page.items()).containsExactly("a");
    }
}
