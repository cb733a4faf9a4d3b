package org.xuke.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Unpacking a server distribution (Payara's, WildFly's) from its zip. */
final class Archives {

    private Archives() {
    }

    /**
     * Writes each entry that {@code targetOf} places (null: skipped) under {@code root}, never outside it;
     * the entries {@code executable} accepts may be run by their owner.
     */
    static void unpack(Path zipFile, Path root, Function<String, Path> targetOf, Predicate<String> executable)
            throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = targetOf.apply(entry.getName());
                if (target == null) {
                    continue;
                }
                target = target.normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("Unsafe zip entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (executable.test(entry.getName())) {
                    Files.setPosixFilePermissions(target, Set.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE));
                }
            }
        }
    }
}
