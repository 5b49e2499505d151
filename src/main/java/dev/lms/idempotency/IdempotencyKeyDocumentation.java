package dev.lms.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the {@code Idempotency-Key} header once, as a reusable parameter, and refers to it from every
 * authenticated POST: the operations marked {@link Idempotent} ({@code IdempotentPostsTest} keeps the two in step).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyKeyDocumentation implements OASFilter {

    static final String PARAMETER = "IdempotencyKey";

    static final String DESCRIPTION = """
            Makes a retry of this request safe (IETF Idempotency-Key header; 1 to 255 visible ASCII characters, \
            bare or as a quoted string; use a new UUID for each new write). The first response to a key is stored \
            for lms.idempotency.retention (24 h by default) with the write, per caller. A retry with the same key \
            and the same request gets that response again, marked Idempotent-Replayed: true, and writes nothing; \
            the same key with another method, path or body is a 422. A retry sent while the first request is still \
            running waits for it, then gets its response. Successes and refusals by the service's rules (403, 404, \
            409, 412, 422) are stored; a 400, 401, 413, 415 or 5xx is not, so the corrected or later retry runs. \
            After a 503 the write may or may not have been applied: retry with the same key.""";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addParameter(
                        PARAMETER,
                        OASFactory.createParameter()
                                .name(Idempotent.HEADER)
                                .in(Parameter.In.HEADER)
                                .required(false)
                                .description(DESCRIPTION)
                                .schema(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.STRING)
                                        .minLength(1)
                                        .maxLength(257)));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") && !path.startsWith("/api/v1/auth/") && item.getPOST() != null) {
                item.getPOST().addParameter(OASFactory.createParameter().ref("#/components/parameters/" + PARAMETER));
            }
        });
    }
}
