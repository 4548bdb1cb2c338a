package dev.clipflow.local.runtime.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's deployment zip, extracted once per content hash into
 * {@code <cacheRoot>/<name>-<sha256 prefix>/} (a changed zip gets a new folder; an unchanged one is reused).
 */
public final class FunctionArtifact {

    private FunctionArtifact() {
    }

    /**
     * Extracts {@code zip} (if not extracted yet) and returns the class path Lambda would build from it:
     * the root folder first, then every {@code lib/*.jar} in name order.
     *
     * @throws FunctionArtifactMissingException when the zip does not exist (the function was not built)
     */
    public static List<URL> classPath(String name, Path zip, Path cacheRoot) {
        if (!Files.isRegularFile(zip)) {
            throw new FunctionArtifactMissingException(name, zip);
        }
        try {
            Path dir = cacheRoot.resolve(name + "-" + sha256(zip).substring(0, 16));
            if (!Files.isRegularFile(dir.resolve(".complete"))) {
                extract(zip, dir);
            }
            List<URL> urls = new ArrayList<>();
            urls.add(dir.toUri().toURL());
            Path lib = dir.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
            return List.copyOf(urls);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + zip, e);
        }
    }

    private static void extract(Path zip, Path dir) throws IOException {
        Path tmp = Files.createDirectories(dir.getParent())
                .resolve(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        deleteTree(tmp);
        Files.createDirectories(tmp);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = tmp.resolve(e.getName()).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("Zip entry outside the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(tmp.resolve(".complete"), zip.toString());
        deleteTree(dir);
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(dir.resolve(".complete"))) {
                throw e;
            }
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
