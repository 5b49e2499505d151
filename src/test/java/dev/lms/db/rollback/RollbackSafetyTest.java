package dev.lms.db.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What makes a rollback safe to run against a live database: it loses no acknowledged write, it keeps its backups
 * private, it tolerates idle sessions (a pooler's), and it does not drop an adopted schema by accident.
 */
class RollbackSafetyTest {

    @TempDir
    Path backups;

    @RegisterExtension
    final ScratchDatabase database = new ScratchDatabase();

    /**
     * A writer commits users one by one while the rollback to version 0 runs. Every row whose commit returned before
     * the rollback committed is in the backup: the rollback locks writers out before it copies, and undoes in the same
     * transaction. (Backup and undo in two transactions lose the rows committed in between.)
     */
    @Test
    void everyWriteAcknowledgedBeforeTheUndoIsInTheBackup() throws Exception {
        database.migrateTo("latest");
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch writing = new CountDownLatch(20);
        Thread writer = new Thread(() -> {
            try (Connection connection = database.dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO users (email, name, role) VALUES (?, 'Writer', 'STUDENT') RETURNING id")) {
                while (!stop.get()) {
                    insert.setString(1, Fixtures.unique("writer") + "@example.org");
                    try (ResultSet row = insert.executeQuery()) {
                        row.next();
                        acknowledged.add(row.getObject(1, UUID.class)); // autocommit: committed once this returns
                    }
                    writing.countDown();
                }
            } catch (SQLException e) {
                // The table is gone: the rollback has committed.
            }
        });
        writer.start();
        writing.await();

        ScratchDatabase.Run rollback = database.command("rollback", "--to", "0", "--backup-dir", backups.toString());
        stop.set(true);
        writer.join();

        assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(RollbackCommand.OK);
        Path backup = onlyBackup();
        Set<String> backedUp;
        try (Stream<String> lines = Files.lines(backup.resolve("users.copy"))) {
            backedUp = lines.map(line -> line.substring(0, line.indexOf('\t'))).collect(Collectors.toSet());
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);
        assertThat(backedUp)
                .containsAll(acknowledged.stream().map(UUID::toString).toList());
    }

    @Test
    void backupsAreReadableByTheirOwnerOnly() throws Exception {
        database.migrateTo("latest");
        Path root = backups.resolve("new-root");

        ScratchDatabase.Run rollback = database.command("rollback", "--to", "1", "--backup-dir", root.toString());

        assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(RollbackCommand.OK);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root)))
                .isEqualTo("rwx------");
        Path backup = Files.list(root).findFirst().orElseThrow();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                .isEqualTo("rwx------");
        List<String> files;
        try (Stream<Path> entries = Files.list(backup)) {
            files = entries.map(file -> {
                        try {
                            return file.getFileName() + " "
                                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(file).endsWith(" rw-------"));
    }

    @Test
    void otherSessionsAreListedAndIdleOnesDoNotHoldTheRollbackUp() throws Exception {
        database.migrateTo("latest");
        List<Connection> pooled = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Connection idle = database.dataSource.getConnection();
                try (var statement = idle.createStatement()) {
                    statement.execute("SET application_name = 'pgbouncer-like'");
                    statement.execute("SELECT count(*) FROM users");
                }
                pooled.add(idle);
            }

            ScratchDatabase.Run rollback =
                    database.command("rollback", "--to", "1", "--backup-dir", backups.toString());

            assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(RollbackCommand.OK);
            assertThat(rollback.out())
                    .contains("WARNING: 3 other session(s)", "application_name=pgbouncer-like", "state=idle")
                    .contains("client_addr=");
        } finally {
            for (Connection connection : pooled) {
                connection.close();
            }
        }
    }

    @Test
    void rollingAnAdoptedDatabaseBackToZeroNeedsForce() throws Exception {
        database.adoptByBaselineThenMigrate();

        ScratchDatabase.Run refused = database.command("rollback", "--to", "0", "--backup-dir", backups.toString());

        assertThat(refused.exitCode()).isEqualTo(RollbackCommand.REFUSED);
        assertThat(refused.err()).contains("adopted by baseline", "--force");
        assertThat(backups).isEmptyDirectory();
        assertThat(database.strings("SELECT to_regclass('users')::text")).containsExactly("users");

        ScratchDatabase.Run forced =
                database.command("rollback", "--to", "0", "--force", "--backup-dir", backups.toString());

        assertThat(forced.exitCode()).as(forced.err()).isEqualTo(RollbackCommand.OK);
        assertThat(database.strings("SELECT coalesce(to_regclass('users')::text, 'gone')"))
                .containsExactly("gone");
    }

    private Path onlyBackup() throws Exception {
        try (Stream<Path> entries = Files.list(backups)) {
            List<Path> directories = entries.filter(path -> Files.exists(path.resolve(BackupManifest.FILE)))
                    .toList();
            assertThat(directories).hasSize(1);
            return directories.get(0);
        }
    }
}
