package dev.clipflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code sam deploy} does to local artifact paths, for a CreateStack without SAM CLI: every
 * {@code CodeUri}, {@code ContentUri} and {@code DefinitionUri} that is a relative path to a file is uploaded, a
 * path to a folder (a layer {@code sam build} wrote) is zipped and uploaded, and the path is replaced with its
 * {@code s3://bucket/key}. Text-level, so the short-form tags ({@code !Ref}, {@code !Sub}) stay as written.
 */
public final class TemplateArtifacts {

    private static final Pattern LOCAL_URI = Pattern.compile(
            "(?m)^(\\s*(?:CodeUri|ContentUri|DefinitionUri):\\s*)([A-Za-z0-9_./-]+)(\\s*(?:#.*)?)$");

    /** Uploads one file and answers its s3:// URI. */
    @FunctionalInterface
    public interface Uploader {
        String upload(String key, Path file);
    }

    /** The rewritten template and what was uploaded (template path to s3:// URI). */
    public record Rewritten(String body, Map<String, String> uploads) {
    }

    private TemplateArtifacts() {
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("clipflow-artifacts");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * @param baseDir the folder the template's relative paths start from
     * @throws DeployArtifactMissingException when a path names no file (build first)
     */
    public static Rewritten rewrite(String template, Path baseDir, Uploader uploader) {
        Map<String, String> uploads = new LinkedHashMap<>();
        Matcher m = LOCAL_URI.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            String replacement = m.group(0);
            if (!value.startsWith("s3:")) {
                Path path = baseDir.resolve(value).normalize();
                String key = "artifacts/" + value.replaceAll("^(\\.\\./)+", "");
                Path file;
                if (Files.isDirectory(path)) {
                    file = LambdaZips.ofDirectory(path, tempDir().resolve(path.getFileName() + ".zip"));
                    key += ".zip";
                } else if (Files.isRegularFile(path)) {
                    file = path;
                } else {
                    throw new DeployArtifactMissingException(path);
                }
                String k = key;
                String uri = uploads.computeIfAbsent(value, v -> uploader.upload(k, file));
                replacement = m.group(1) + uri + m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Rewritten(out.toString(), uploads);
    }
}
