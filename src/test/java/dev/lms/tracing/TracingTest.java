package dev.lms.tracing;

import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.RecordedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests are traced: a server span per request with its statements as child spans, and the trace id in problems. */
@QuarkusTest
class TracingTest {

    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    private static final AttributeKey<String> TABLE = AttributeKey.stringKey("db.sql.table");

    @Inject
    RecordedSpans spans;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void record() {
        spans.start();
    }

    @AfterEach
    void forget() {
        spans.stop();
    }

    @Test
    void aReadIsAServerSpanWithItsRouteAndStatusAndItsStatementsAsChildSpans() {
        Fixtures fixtures = new Fixtures(dataSource);
        UUID course = fixtures.course(fixtures.instructor());

        Api.given().get("/api/v1/courses/{id}", course).then().statusCode(200);

        SpanData server = serverSpan("/api/v1/courses/{id}");
        assertThat(server.getAttributes().get(STATUS)).isEqualTo(200L);
        List<SpanData> statements = spans.finished().stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT)
                .filter(span -> "postgresql".equals(span.getAttributes().get(DB_SYSTEM)))
                .filter(span -> span.getTraceId().equals(server.getTraceId()))
                .toList();
        assertThat(statements)
                .extracting(statement -> statement.getAttributes().get(TABLE))
                .contains("courses");
        assertThat(statements)
                .allSatisfy(
                        statement -> assertThat(descendsFrom(statement, server)).isTrue());
    }

    @Test
    void aRefusedRequestsProblemAndLogLineCarryTheTraceIdOfItsServerSpan() {
        List<String> refusalTraceIds = new CopyOnWriteArrayList<>();
        Handler handler = capture("Authentication refused", refusalTraceIds);
        Logger logger = Logger.getLogger("dev.lms.auth.AuthenticationFailures");
        logger.addHandler(handler);
        String traceId;
        try {
            traceId = Api.withToken("not-a-token")
                    .get("/api/v1/courses")
                    .then()
                    .spec(problem(401))
                    .extract()
                    .path("traceId");
        } finally {
            logger.removeHandler(handler);
        }

        SpanData server = serverSpan("/api/v1/courses");
        assertThat(server.getAttributes().get(STATUS)).isEqualTo(401L);
        assertThat(traceId).isEqualTo(server.getTraceId());
        assertThat(refusalTraceIds).as("the trace id of the refusal's log line").containsExactly(traceId);
    }

    /** The server span of the one recorded request to {@code route}; it ends once its response is sent. */
    private SpanData serverSpan(String route) {
        return await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> spans.finished().stream()
                                .filter(span -> span.getKind() == SpanKind.SERVER)
                                .filter(span ->
                                        route.equals(span.getAttributes().get(ROUTE)))
                                .toList(),
                        found -> found.size() == 1)
                .get(0);
    }

    private boolean descendsFrom(SpanData span, SpanData ancestor) {
        Map<String, SpanData> byId =
                spans.finished().stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        for (SpanData step = span; step != null; step = byId.get(step.getParentSpanId())) {
            if (step.getParentSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
        }
        return false;
    }

    /** The {@code traceId} of each record whose message starts so, read as it is logged (the MDC is the thread's). */
    private static Handler capture(String messageStart, List<String> traceIds) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage().startsWith(messageStart)) {
                    traceIds.add(((ExtLogRecord) record).getMdc("traceId"));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
