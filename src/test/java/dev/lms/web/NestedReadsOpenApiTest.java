package dev.lms.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads under another resource's id document that id's 404; only paged reads document the paging headers. */
@QuarkusTest
class NestedReadsOpenApiTest {

    JsonPath openApi;

    @BeforeEach
    void read() {
        openApi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    String get(String path) {
        return "paths.'" + path + "'.get.responses";
    }

    @Test
    void aPagedReadUnderACourseDocuments404AndThePagingHeaders() {
        for (String path :
                new String[] {"/api/v1/courses/{courseId}/announcements", "/api/v1/courses/{courseId}/content"}) {
            assertThat(openApi.getMap(get(path))).as(path).containsKeys("200", "400", "404");
            assertThat(openApi.getMap(get(path) + ".'200'.headers")).as(path).containsOnlyKeys("Link", "X-Total-Count");
        }
    }

    @Test
    void theThreadDocuments404AndARecursiveTreeWithoutPagingHeaders() {
        String thread = get("/api/v1/discussions/{id}/posts");

        assertThat(openApi.getMap(thread)).containsKeys("200", "400", "404");
        assertThat(openApi.getMap(thread + ".'200'")).doesNotContainKey("headers");
        assertThat(openApi.getString(thread + ".'200'.content.'application/json'.schema.items.'$ref'"))
                .endsWith("/ThreadedPost");
        assertThat(openApi.getString("components.schemas.ThreadedPost.properties.replies.items.'$ref'"))
                .endsWith("/ThreadedPost");
    }

    @Test
    void topLevelListsAndSingleResourcesKeepTheirHeaders() {
        assertThat(openApi.getMap(get("/api/v1/course-content"))).doesNotContainKey("404");
        assertThat(openApi.getMap(get("/api/v1/course-content") + ".'200'.headers"))
                .containsOnlyKeys("Link", "X-Total-Count");
        assertThat(openApi.getMap(get("/api/v1/discussion-posts/{id}") + ".'200'.headers"))
                .containsOnlyKeys("ETag");
        assertThat(openApi.getMap("paths.'/api/v1/announcements'.post.responses.'201'.headers"))
                .containsOnlyKeys("ETag");
    }
}
