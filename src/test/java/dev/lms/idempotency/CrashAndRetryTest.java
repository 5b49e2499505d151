package dev.lms.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writers that do what the README tells clients to do: one Idempotency-Key per logical write, and every POST that
 * failed or went unanswered sent again with the same key until it gets a 2xx, while PostgreSQL is stopped under them
 * and started again. Whatever the outage did to each attempt (refused, broken mid-transaction, broken at the commit),
 * every logical write must end up as exactly one row, and each writer's last response must describe that row.
 */
@QuarkusTest
@TestProfile(CommitFaultsProfile.class)
class CrashAndRetryTest {

    static final String ANNOUNCEMENTS = "/api/v1/announcements";
    static final int WRITERS = 4;
    /** Writes each writer still makes after the restart, so that the service is seen to recover. */
    static final int WRITES_AFTER_RESTART = 3;

    @Inject
    DataSource dataSource;

    @AfterEach
    void theServerIsRunningForTheNextTest() {
        TestDatabase.restart();
    }

    @Test
    void everyRetriedWriteLandsExactlyOnceThroughAStopAndRestartOfPostgres() throws Exception {
        assumeTrue(TestDatabase.isEmbedded(), "stopping the server needs the embedded PostgreSQL");
        Fixtures fixtures = new Fixtures(dataSource);
        UUID course = fixtures.course(fixtures.instructor());
        Map<String, Response> lastResponses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch writing = new CountDownLatch(WRITERS);
        CountDownLatch outageSeen = new CountDownLatch(1);
        CountDownLatch restarted = new CountDownLatch(1);

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int id = writer;
            running.add(writers.submit(() -> {
                int afterRestart = 0;
                for (int write = 0; afterRestart < WRITES_AFTER_RESTART; write++) {
                    boolean restartedBefore = restarted.getCount() == 0;
                    String key = UUID.randomUUID().toString();
                    String title = "crash-" + id + "-" + write + "-" + key.substring(0, 8);
                    Response response = writeUntilAcknowledged(course, key, title, failures, outageSeen);
                    lastResponses.put(title, response);
                    writing.countDown();
                    if (restartedBefore) {
                        afterRestart++;
                    }
                }
                return null;
            }));
        }

        assertThat(writing.await(60, TimeUnit.SECONDS)).isTrue();
        TestDatabase.stop();
        assertThat(outageSeen.await(20, TimeUnit.SECONDS)).isTrue();
        TestDatabase.restart();
        restarted.countDown();
        for (Future<?> writer : running) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        assertThat(failures).as("attempts that failed during the outage").isNotEmpty();
        assertThat(failures).as("statuses of failed attempts").allMatch(status -> status == 503 || status == -1);
        assertThat(lastResponses).hasSizeGreaterThanOrEqualTo(WRITERS * (1 + WRITES_AFTER_RESTART));
        lastResponses.forEach((title, response) -> {
            assertThat(fixtures.count("announcements", "title", title))
                    .as("rows for " + title)
                    .isOne();
            UUID id = response.jsonPath().getUUID("id");
            Map<String, Object> row = fixtures.row("announcements", id);
            assertThat(row).as("the row the last response names").isNotNull();
            assertThat(row.get("title")).isEqualTo(title);
            assertThat(row.get("content")).isEqualTo(response.jsonPath().getString("content"));
            assertThat(((Number) row.get("version")).longValue())
                    .isEqualTo(response.jsonPath().getLong("version"));
        });
        System.out.printf(
                "Crash and retry: %d logical writes, %d failed attempts (%d unanswered)%n",
                lastResponses.size(),
                failures.size(),
                failures.stream().filter(status -> status == -1).count());
    }

    /** Sends the write with its key until a 2xx; records each failure's status (-1: no answer at all). */
    private static Response writeUntilAcknowledged(
            UUID course, String key, String title, ConcurrentLinkedQueue<Integer> failures, CountDownLatch outageSeen) {
        while (true) {
            try {
                Response response = Api.given()
                        .header(Idempotent.HEADER, key)
                        .body(Map.of("courseId", course, "title", title, "content", "Written once: " + key))
                        .post(ANNOUNCEMENTS);
                if (response.statusCode() / 100 == 2) {
                    return response;
                }
                failures.add(response.statusCode());
            } catch (RuntimeException unanswered) {
                failures.add(-1);
            }
            outageSeen.countDown();
            // A client's back-off, shortened: the README's clients honour Retry-After.
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
