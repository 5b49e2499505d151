package dev.lms.crud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The merge itself, against the examples of RFC 7396, appendix A. */
class MergePatchTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            {"a":"b"}           | {"a":"c"}             | {"a":"c"}
            {"a":"b"}           | {"b":"c"}             | {"a":"b","b":"c"}
            {"a":"b"}           | {"a":null}            | {}
            {"a":"b","b":"c"}   | {"a":null}            | {"b":"c"}
            {"a":["b"]}         | {"a":"c"}             | {"a":"c"}
            {"a":"c"}           | {"a":["b"]}           | {"a":["b"]}
            {"a":{"b":"c"}}     | {"a":{"b":"d","c":null}} | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}   | {"a":[1]}             | {"a":[1]}
            {"e":null}          | {"a":1}               | {"e":null,"a":1}
            {}                  | {"a":{"bb":{"ccc":null}}} | {"a":{"bb":{}}}
            """)
    void mergesAsRfc7396Says(String target, String patch, String result) throws Exception {
        JsonNode merged = MergePatch.merge(JSON.readTree(target), JSON.readTree(patch));

        assertThat(merged).isEqualTo(JSON.readTree(result));
    }
}
