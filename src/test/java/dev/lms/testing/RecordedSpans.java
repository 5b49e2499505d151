package dev.lms.testing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The spans the service ends while a test records them, in an {@link InMemorySpanExporter}. Quarkus adds every
 * {@link SpanProcessor} bean to its tracer provider; this one hands each span over as it ends, so a test need not wait
 * for a batch. It keeps nothing unless a test has called {@link #start()}: the rest of the suite's requests leave no
 * spans behind, so memory stays bounded however many tests run.
 */
@Singleton
public class RecordedSpans implements SpanProcessor {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private volatile boolean recording;

    /** Forgets what was recorded and records from now on. */
    public void start() {
        exporter.reset();
        recording = true;
    }

    /** Stops recording and forgets what was recorded. */
    public void stop() {
        recording = false;
        exporter.reset();
    }

    /** The spans ended since {@link #start()}, oldest first. */
    public List<SpanData> finished() {
        return exporter.getFinishedSpanItems();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (recording && span.getSpanContext().isSampled()) {
            exporter.export(List.of(span.toSpanData()));
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
