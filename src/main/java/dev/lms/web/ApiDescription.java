package dev.lms.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the OpenAPI description says about the API as a whole. The server is relative, so a client generated from
 * the committed description calls whichever host served it, never a developer's machine. Which operations need the
 * bearer token is decided in one place, {@link ProblemResponsesFilter}, from the same rule the HTTP permissions use.
 * <p>
 * MicroProfile OpenAPI reads this annotation from the JAX-RS {@link Application}; declaring one changes nothing else
 * here, since it adds no resources and no path.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "LMS API",
                        version = "1",
                        description =
                                "Users, courses, enrollments, assignments, submissions, grades, discussions with threaded"
                                        + " posts, announcements and course content. Errors are RFC 9457 problem documents.",
                        license = @License(name = "Apache-2.0", identifier = "Apache-2.0")),
        servers = @Server(url = "/", description = "The host that serves this description"),
        components =
                @Components(
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = ApiDescription.BEARER,
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "bearer",
                                        bearerFormat = "JWT",
                                        description =
                                                "A token from POST /api/v1/auth/token (or the configured identity provider).")),
        tags = {
            @Tag(name = "Authentication", description = "Bearer tokens for an email and password."),
            @Tag(name = "Users", description = "Accounts and roles; everyone reads and edits their own."),
            @Tag(name = "Courses", description = "Courses and the instructor who teaches each."),
            @Tag(name = "Enrollments", description = "Who takes which course."),
            @Tag(name = "Assignments", description = "Work set in a course, with points and a due date."),
            @Tag(name = "Submissions", description = "A student's work for an assignment, until it is graded."),
            @Tag(name = "Grades", description = "An instructor's score and feedback for a submission."),
            @Tag(name = "Discussions", description = "Discussions in a course, and their threads."),
            @Tag(name = "Discussion posts", description = "Posts and replies in a discussion."),
            @Tag(name = "Announcements", description = "What a course's instructor tells its members."),
            @Tag(name = "Course content", description = "A course's material, in order."),
            @Tag(name = "Health", description = "Whether the database is reachable, migrated and as expected.")
        })
public class ApiDescription extends Application {

    public static final String BEARER = "bearer";
}
