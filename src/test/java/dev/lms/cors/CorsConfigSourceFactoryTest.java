package dev.lms.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How CORS_ORIGINS becomes Quarkus's CORS settings, read through a real SmallRye Config with its default interceptors
 * (expression expansion, list splitting), as Quarkus reads them.
 */
class CorsConfigSourceFactoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " , "})
    void blankOrUnsetLeavesTheFilterUninstalled(String value) {
        SmallRyeConfig config = config(Map.of("CORS_ORIGINS", value));
        SmallRyeConfig unset = config(Map.of());

        assertThat(config.getOptionalValue("quarkus.http.cors.enabled", Boolean.class))
                .isEmpty();
        assertThat(config.getOptionalValues("quarkus.http.cors.origins", String.class))
                .isEmpty();
        assertThat(unset.getOptionalValue("quarkus.http.cors.enabled", Boolean.class))
                .isEmpty();
    }

    @Test
    void originsEnableTheFilterWithExactlyThoseOrigins() {
        SmallRyeConfig config = config(
                Map.of("CORS_ORIGINS", " https://lms.example.org, http://localhost:3000 ,https://a.example:8443"));

        assertThat(config.getValue("quarkus.http.cors.enabled", Boolean.class)).isTrue();
        assertThat(config.getValues("quarkus.http.cors.origins", String.class))
                .containsExactly("https://lms.example.org", "http://localhost:3000", "https://a.example:8443");
    }

    @Test
    void aRegularExpressionReachesQuarkusAsWritten() {
        String previews = "/https://lms-[a-z0-9-]+\\.vercel\\.app/";
        String anchored = "/https://(www\\.)?example\\.org${x}$/";

        SmallRyeConfig config = config(Map.of("CORS_ORIGINS", "https://lms.example.org," + previews + "," + anchored));

        assertThat(config.getValues("quarkus.http.cors.origins", String.class))
                .containsExactly("https://lms.example.org", previews, anchored);
    }

    @Test
    void anExplicitQuarkusSettingStillWins() {
        SmallRyeConfig config = config(Map.of(
                "CORS_ORIGINS", "https://lms.example.org",
                "quarkus.http.cors.enabled", "false"));

        assertThat(config.getValue("quarkus.http.cors.enabled", Boolean.class)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://lms.example.org/",
                "https://lms.example.org/app",
                "https://lms.example.org?x=1",
                "lms.example.org",
                "ftp://lms.example.org",
                "https://user@lms.example.org",
                "http://user@my_front_end:3000",
                "https://lms.example.org:0",
                "https://lms.example.org:65536",
                "https://lms.example.org:x",
                "https://:443",
                "https://*.example.org",
                "https://a!b.example",
                "https://lms.example.org:443:443",
                "https://lms.example.org%2e",
                "*",
                "/.*/"
            })
    void anEntryNoBrowserSendsStopsStartUpNamingTheVariableAndTheEntry(String entry) {
        assertThatThrownBy(() -> config(Map.of("CORS_ORIGINS", "http://localhost:3000," + entry)))
                .hasStackTraceContaining("CORS_ORIGINS holds \"" + entry + "\"");
    }

    @ParameterizedTest
    @CsvSource({
        "HTTPS://LMS.Example.ORG, https://lms.example.org",
        "https://lms.example.org:443, https://lms.example.org",
        "http://localhost:80, http://localhost",
        "http://localhost:443, http://localhost:443",
        "https://lms.example.org:8443, https://lms.example.org:8443",
        "http://my_front_end:3000, http://my_front_end:3000",
        "https://bücher.example, https://xn--bcher-kva.example",
        "http://[::1]:3000, http://[::1]:3000",
        "http://127.0.0.1:3000, http://127.0.0.1:3000"
    })
    void anOriginIsWrittenAsABrowserSendsIt(String typed, String sent) {
        assertThat(CorsConfigSourceFactory.origins(typed)).containsExactly(sent);
    }

    @Test
    void aTrailingSlashIsExplained() {
        assertThatThrownBy(() -> CorsConfigSourceFactory.origins("https://lms.example.org/"))
                .hasMessageContaining("a browser sends https://lms.example.org)");
    }

    @Test
    void whitespaceSeparatesToo() {
        assertThat(CorsConfigSourceFactory.origins("https://a.example\n https://b.example"))
                .isEqualTo(List.of("https://a.example", "https://b.example"));
    }

    private static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(environment, "env-like", 300))
                .withSources(new CorsConfigSourceFactory())
                .build();
    }
}
