package dev.lms.db.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An undo script is part of every migration's definition of done, and it ships where Flyway does not look. */
class UndoScriptsTest {

    private static final Path MIGRATIONS = Path.of("migrations");

    @Test
    void everyMigrationHasAnUndoScriptOfTheSameVersionAndDescription() throws IOException {
        List<String> migrations = scripts(MIGRATIONS, "V");
        assertThat(migrations).isNotEmpty();
        assertThat(scripts(MIGRATIONS.resolve("undo"), "U"))
                .containsExactlyInAnyOrderElementsOf(
                        migrations.stream().map(UndoScript::nameFor).toList());
    }

    @Test
    void undoScriptsShipUnderDbUndoAndNeverInFlywaysLocation() throws IOException {
        ClassLoader classLoader = getClass().getClassLoader();
        for (String migration : scripts(MIGRATIONS, "V")) {
            assertThat(classLoader.getResource("db/migration/" + migration))
                    .as(migration)
                    .isNotNull();
            assertThat(classLoader.getResource(UndoScript.LOCATION + UndoScript.nameFor(migration)))
                    .as(migration)
                    .isNotNull();
        }
        assertThat(classLoader.getResource("db/migration/undo")).isNull();
    }

    private static List<String> scripts(Path directory, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && name.endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }
}
