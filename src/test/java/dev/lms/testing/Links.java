package dev.lms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a paged list's {@code Link} header. */
public final class Links {

    private static final Pattern LINK = Pattern.compile("<[^>]*[?&](page=\\d+)[^>]*>;\\s*rel=\"(\\w+)\"");

    private Links() {}

    /** rel → the {@code page=N} of its URL, for example {@code next → page=3}. */
    public static Map<String, String> of(Response response) {
        Map<String, String> links = new HashMap<>();
        for (String link : response.header("Link").split(",\\s*")) {
            Matcher matcher = LINK.matcher(link);
            assertThat(matcher.matches())
                    .as("a Link of the form <url?page=N>; rel=\"name\": %s", link)
                    .isTrue();
            links.put(matcher.group(2), matcher.group(1));
        }
        return links;
    }
}
