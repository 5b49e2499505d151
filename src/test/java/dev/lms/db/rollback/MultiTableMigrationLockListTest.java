package dev.lms.db.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule of docs/expand-contract.md, "Several tables", checked on every migration after V2 (V1 created the tables,
 * V2 changed one): a migration that alters, or adds triggers to, more than one existing table locks exactly those
 * tables first, in one {@code LOCK TABLE} (validating a constraint does not count: it blocks no request). {@code MultiTableMigrationDeadlockTest} shows why with a real deadlock; this
 * test catches a table left out of the list, or a new migration without one.
 */
class MultiTableMigrationLockListTest {

    /** ALTER TABLE, except VALIDATE CONSTRAINT: its lock lets reads and writes through, and must not be made stronger. */
    private static final Pattern ALTERED = Pattern.compile("(?im)^\\s*ALTER TABLE\\s+(\\w++)(?!\\s+VALIDATE\\b)");

    private static final Pattern TRIGGERED =
            Pattern.compile("(?is)CREATE TRIGGER\\s+\\w+\\s+(?:BEFORE|AFTER)\\s+.*?\\s+ON\\s+(\\w+)");
    private static final Pattern CREATED = Pattern.compile("(?im)^\\s*CREATE TABLE\\s+(\\w+)");
    private static final Pattern LOCKED = Pattern.compile("(?is)LOCK TABLE\\s+(.*?)\\s+IN\\s+ACCESS EXCLUSIVE MODE");

    static Stream<Path> migrationsAfterV2() throws IOException {
        return Files.list(Path.of("migrations"))
                .filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                .filter(file -> Integer.parseInt(file.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1")) > 2)
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("migrationsAfterV2")
    void aMigrationChangingSeveralExistingTablesLocksExactlyThoseFirst(Path migration) throws IOException {
        String sql = Files.readString(migration).replaceAll("(?m)--.*$", "");
        Set<String> changed = new TreeSet<>();
        changed.addAll(matches(ALTERED, sql));
        changed.addAll(matches(TRIGGERED, sql));
        changed.removeAll(matches(CREATED, sql));

        Matcher lock = LOCKED.matcher(sql);
        if (changed.size() <= 1) {
            assertThat(lock.find())
                    .as("a lock list in %s, which changes %s", migration, changed)
                    .isFalse();
            return;
        }
        assertThat(lock.find())
                .as("%s changes %s: it must lock them first (docs/expand-contract.md)", migration, changed)
                .isTrue();
        Set<String> locked = new TreeSet<>(Arrays.asList(lock.group(1).split("\\s*,\\s*")));
        assertThat(locked).as("the tables %s locks", migration).isEqualTo(changed);
        assertThat(lock.start())
                .as("the lock comes before the first change in %s", migration)
                .isLessThan(firstChange(sql));
    }

    private static Set<String> matches(Pattern pattern, String sql) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(1).toLowerCase());
        }
        return names;
    }

    private static int firstChange(String sql) {
        int first = Integer.MAX_VALUE;
        for (Pattern pattern : new Pattern[] {ALTERED, TRIGGERED}) {
            Matcher matcher = pattern.matcher(sql);
            if (matcher.find()) {
                first = Math.min(first, matcher.start());
            }
        }
        return first;
    }
}
