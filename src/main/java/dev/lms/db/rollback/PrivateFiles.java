package dev.lms.db.rollback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Backups hold personal data (names, email addresses, password hashes, grades): their directories are created
 * owner-only (0700) and their files readable and writable by the owner only (0600), from the first byte, whatever the
 * umask.
 */
final class PrivateFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Creates {@code directory} (0700) and any missing parent (0700 too); an existing parent is left as it is. */
    static Path createDirectories(Path directory) throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            createDirectories(parent);
        }
        if (!Files.exists(directory)) {
            createDirectory(directory);
        }
        return directory;
    }

    /** Creates {@code directory} (0700); it must not exist yet. */
    static Path createDirectory(Path directory) throws IOException {
        return Files.createDirectory(directory, directoryAttributes());
    }

    /** Creates a new file, owner read-write only, and opens it for writing. */
    static OutputStream create(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return Files.newOutputStream(file, StandardOpenOption.WRITE);
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static FileAttribute<?>[] directoryAttributes() {
        return POSIX
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
                }
                : new FileAttribute<?>[0];
    }
}
