package dev.lms.cors;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With CORS on, every response says {@code Vary: Origin}: Quarkus's filter (3.33) answers each allowed origin with its
 * own {@code Access-Control-Allow-Origin} and refuses the others, but does not say so, and a cache in front of the
 * service (a CDN caching the public key set, say) would hand one origin's answer to another. Nothing is added while
 * CORS is off.
 */
@ApplicationScoped
class VaryOrigin {

    /** Before Quarkus's CORS filter (300), which ends preflights and refusals itself. */
    private static final int PRIORITY = 400;

    void register(@Observes Filters filters, @ConfigProperty(name = "quarkus.http.cors.enabled") boolean corsEnabled) {
        if (corsEnabled) {
            filters.register(
                    context -> {
                        context.response().headers().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
                        context.next();
                    },
                    PRIORITY);
        }
    }
}
