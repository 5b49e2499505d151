package dev.lms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What {@code migrations/} holds, so tests follow new migrations without editing version numbers. */
public final class Migrations {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__(.+)\\.sql");

    private Migrations() {}

    /** The versions of {@code migrations/V<n>__*.sql}, in order, as Flyway reports them. */
    public static java.util.List<String> versions() {
        try (Stream<Path> files = Files.list(Path.of("migrations"))) {
            return files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> Integer.parseInt(match.group(1)))
                    .sorted()
                    .map(String::valueOf)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flyway's history rows for the migrations after {@code from}, as "version type description" ("2 SQL users login
     * throttling"): what a database migrated by the service records.
     */
    public static java.util.List<String> historyAfter(int from) {
        try (Stream<Path> files = Files.list(Path.of("migrations"))) {
            return files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .filter(match -> Integer.parseInt(match.group(1)) > from)
                    .sorted(Comparator.comparingInt(match -> Integer.parseInt(match.group(1))))
                    .map(match -> match.group(1) + " SQL " + match.group(2).replace('_', ' '))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The highest version among {@code migrations/V<n>__*.sql}, as Flyway reports it ("2"). */
    public static String latestVersion() {
        try (Stream<Path> files = Files.list(Path.of("migrations"))) {
            return files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> Integer.parseInt(match.group(1)))
                    .max(Comparator.naturalOrder())
                    .map(String::valueOf)
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
