package dev.matchplane.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonObjectWriterTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesMembersInOrderWithTheirTypes() {
        assertThat(text(new JsonObjectWriter(8).string("a", "x").number("n", 1700000000L).number("neg", -1)
                .string("e", ""))).isEqualTo("{\"a\":\"x\",\"n\":1700000000,\"neg\":-1,\"e\":\"\"}");
        assertThat(text(new JsonObjectWriter(8))).isEqualTo("{}");
    }

    @Test
    void escapesQuoteBackslashAndControlCharactersAsTheTokensAlwaysHad() {
        String hostile = "a\"b\\c/d\u0000\u0001\u001f\u007f\b\t\n\f\r\u2028\u2029</script>\\u0041";

        assertThat(text(new JsonObjectWriter(8).string("k\"\n", hostile))).isEqualTo("{\"k\\\"\\n\":"
                + "\"a\\\"b\\\\c/d\\u0000\\u0001\\u001f\u007f\\b\\t\\n\\f\\r\\u2028\\u2029</script>\\\\u0041\"}");
    }

    @Test
    void writesNonAsciiAsUtf8() {
        String text = "\u00e9\u20ac\uD83D\uDE00\u4e2d";

        byte[] json = new JsonObjectWriter(8).string("p", text).toUtf8();

        assertThat(json).isEqualTo(("{\"p\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** A lone surrogate has no UTF-8 form; it became {@code ?} when gson wrote the tokens too. */
    @Test
    void loneSurrogateBecomesQuestionMark() {
        assertThat(text(new JsonObjectWriter(8).string("p", "a\uD800b\uDC00"))).isEqualTo("{\"p\":\"a?b?\"}");
    }

    /** Every character but lone surrogates, read back by an independent parser, is the character written. */
    @Test
    void everyCharacterRoundTripsThroughJackson() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            all.append(c);
        }
        for (int c = Character.MAX_SURROGATE + 1; c <= Character.MAX_VALUE; c++) {
            all.append((char) c);
        }
        all.append("\uD83D\uDE00\uDBFF\uDFFF");

        JsonNode parsed = JSON.readTree(new JsonObjectWriter(8).string("all", all.toString()).number("n", 7)
                .toUtf8());

        assertThat(parsed.get("all").stringValue()).isEqualTo(all.toString());
        assertThat(parsed.get("n").longValue()).isEqualTo(7);
        assertThat(parsed.size()).isEqualTo(2);
    }

    private static String text(JsonObjectWriter writer) {
        return new String(writer.toUtf8(), StandardCharsets.UTF_8);
    }
}
