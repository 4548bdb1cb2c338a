package dev.clipflow.local.runtime.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a tiny Lambda deployment zip for tests: {@code fixture.FixtureHandler} compiled at test time, with
 * aws-lambda-java-core in {@code lib/}, the layout of the real function zips.
 */
public final class FixtureFunction {

    static final String HANDLER = "fixture.FixtureHandler::handleRequest";

    private FixtureFunction() {
    }

    static Path build(Path dir) {
        return build(dir, "FixtureHandler", "fixture.zip");
    }

    /**
     * Compiles {@code /fixture/<className>.java.txt} (class {@code fixture.<className>}) into {@code dir/<zipName>}.
     */
    public static Path build(Path dir, String className, String zipName) {
        try {
            Path src = dir.resolve("src/fixture/" + className + ".java");
            Files.createDirectories(src.getParent());
            try (InputStream in = FixtureFunction.class.getResourceAsStream("/fixture/" + className + ".java.txt")) {
                Files.write(src, in.readAllBytes());
            }
            Path core = Path.of(Class.forName("com.amazonaws.services.lambda.runtime.Context")
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
            Path classes = Files.createDirectories(dir.resolve("classes-" + className));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, "--release", "21", "-cp", core.toString(), "-d", classes.toString(),
                    src.toString());
            if (rc != 0) {
                throw new IllegalStateException("The fixture did not compile");
            }
            Path zip = dir.resolve(zipName);
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (Path p : List.of(classes.resolve("fixture/" + className + ".class"))) {
                    out.putNextEntry(new ZipEntry(classes.relativize(p).toString()));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry("lib/" + core.getFileName()));
                out.write(Files.readAllBytes(core));
                out.closeEntry();
                out.putNextEntry(new ZipEntry("application.properties"));
                out.write("fixture=true\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
