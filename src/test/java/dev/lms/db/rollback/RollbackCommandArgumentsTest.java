package dev.lms.db.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an operator sees for --help and for arguments the command cannot use: exit code 2, the reason, and the usage
 * (or, for a near miss, picocli's suggestions).
 */
class RollbackCommandArgumentsTest {

    record Run(int exitCode, String out, String err) {}

    static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = new RollbackCommand(
                        environment,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Run help = run(Map.of(), "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("rollback", "backup", "restore", "DIRECT_URL");
    }

    @Test
    void helpOfACommandListsItsOptions() {
        Run help = run(Map.of(), "rollback", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--to=VERSION", "--dry-run", "--force", "--backup-dir=DIR");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                          | No command given.
            undo --to 1                 | Unmatched arguments from index 0: 'undo'
            rollback                    | Missing required option: '--to=VERSION'
            rollback --to one           | Invalid value for option '--to': 'one' is not an int
            rollback --to               | Missing required parameter for option '--to'
            rollback --to 1 --verbose   | Unknown option: '--verbose'
            --version                   | Unknown option: '--version'
            restore                     | Missing required option: '--from=BACKUP_DIR'
            """)
    void unusableArgumentsExitWithTwoTheReasonAndTheUsage(String args, String reason) {
        Run run = run(
                Map.of("DIRECT_URL", "postgresql://nobody@localhost:1/none"),
                args.isBlank() ? new String[0] : args.split(" "));

        assertThat(run.exitCode()).isEqualTo(RollbackCommand.USAGE);
        assertThat(run.err()).contains(reason).containsAnyOf("Usage: db-rollback", "Possible solutions:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingDatabaseUrlIsAUsageErrorNamingTheVariables() {
        Run run = run(Map.of(), "rollback", "--to", "1");

        assertThat(run.exitCode()).isEqualTo(RollbackCommand.USAGE);
        assertThat(run.err()).contains("Set DIRECT_URL (or DATABASE_URL)", "Usage: db-rollback rollback");
    }

    @Test
    void anUnreachableDatabaseIsAFailureNotAUsageError() {
        Run run = run(Map.of("DIRECT_URL", "postgresql://nobody@localhost:1/none"), "backup");

        assertThat(run.exitCode()).isEqualTo(RollbackCommand.FAILED);
        assertThat(run.err()).startsWith("FAILED: ");
    }
}
