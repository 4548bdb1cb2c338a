package dev.clipflow.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged artifacts against the template that deploys them, as Lambda would meet them: every function's
 * {@code CodeUri} zip exists, its handler and Spring Cloud Function bean load from it, no class is newer than its
 * runtime, it fits Lambda's size limits together with its layers, and every layer binary is a static executable for
 * the function's architecture. Each problem is one line naming the resource.
 *
 * @param work an empty folder the zips are extracted into
 * @param layerContentOverride a layer's logical id to the folder with its content (what Lambda mounts at /opt), or
 *                             {@code null} to look for it in the build ({@link #layerContent})
 */
record PackagedArtifacts(Path root, Map<String, Object> template, Limits limits, Path work,
                         UnaryOperator<String> layerContentOverride) {

    /** Lambda's deployment package quotas. */
    record Limits(long zippedBytes, long unzippedBytes) {
        /** 50 MB zipped for a direct upload; 250 MB unzipped, the function and all its layers together. */
        static final Limits LAMBDA = new Limits(50L * 1024 * 1024, 250L * 1024 * 1024);
    }

    private static final Pattern JAVA_RUNTIME = Pattern.compile("java(\\d+)(\\.al2)?");

    /** Every problem found, one line each; empty when the artifacts deploy and load. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<?, ?>> layers = new LinkedHashMap<>();
        Map<String, Long> layerBytes = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (resource.get("Type") instanceof String type && type.endsWith("::LayerVersion")) {
                layers.put(id, resource);
                layerBytes.put(id, checkLayer(id, resource, problems));
            }
        });
        resources().forEach((id, resource) -> {
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                checkFunction(id, properties(resource), layers, layerBytes, problems);
            } else if ("AWS::Serverless::StateMachine".equals(resource.get("Type"))
                    && properties(resource).get("DefinitionUri") instanceof String uri
                    && !Files.isRegularFile(root.resolve(uri))) {
                problems.add(id + ": DefinitionUri " + uri + " does not exist");
            }
        });
        return problems;
    }

    private void checkFunction(String id, Map<?, ?> props, Map<String, Map<?, ?>> layers,
                               Map<String, Long> layerBytes, List<String> problems) {
        String runtime = String.valueOf(setting(props, "Runtime"));
        Matcher java = JAVA_RUNTIME.matcher(runtime);
        if (!java.matches()) {
            problems.add(id + ": Runtime " + runtime + " is not a Java runtime");
            return;
        }
        int feature = Integer.parseInt(java.group(1));
        List<?> architectures = setting(props, "Architectures") instanceof List<?> l ? l : List.of("x86_64");
        String architecture = String.valueOf(architectures.getFirst());
        List<String> functionLayers = layerRefs(props.get("Layers"), layers);
        long withLayers = 0;
        for (String layer : functionLayers) {
            Map<?, ?> layerProps = properties(layers.get(layer));
            if (layerProps.get("CompatibleRuntimes") instanceof List<?> runtimes && !runtimes.contains(runtime)) {
                problems.add(id + ": layer " + layer + " is not compatible with " + runtime + " " + runtimes);
            }
            if (layerProps.get("CompatibleArchitectures") instanceof List<?> archs && !archs.contains(architecture)) {
                problems.add(id + ": layer " + layer + " is not built for " + architecture + " " + archs);
            }
            withLayers += layerBytes.getOrDefault(layer, 0L);
        }
        Map<String, Object> env = environment(props);
        for (Object value : env.values()) {
            if (value instanceof String path && path.startsWith("/opt/")
                    && functionLayers.stream().noneMatch(l -> layerHas(l, path))) {
                problems.add(id + ": " + path + " is in its environment but in none of its layers " + functionLayers);
            }
        }
        if (!(props.get("CodeUri") instanceof String codeUri)) {
            problems.add(id + ": CodeUri is not a local path: " + props.get("CodeUri"));
            return;
        }
        Path zip = root.resolve(codeUri);
        if (!Files.isRegularFile(zip)) {
            problems.add(id + ": CodeUri " + codeUri + " does not exist (build it: ./mvnw -B -DskipTests package)");
            return;
        }
        long zipped = size(zip);
        if (zipped > limits.zippedBytes()) {
            problems.add(id + ": " + codeUri + " is " + zipped + " bytes zipped, over " + limits.zippedBytes());
        }
        try (FunctionZip pkg = FunctionZip.extract(zip, work.resolve(id))) {
            long unzipped = pkg.unzippedBytes() + withLayers;
            if (unzipped > limits.unzippedBytes()) {
                problems.add(id + ": " + unzipped + " bytes unzipped with its layers " + functionLayers + ", over "
                        + limits.unzippedBytes());
            }
            int newest = pkg.newestClassMajor(feature);
            if (newest > 44 + feature) {
                problems.add(id + ": class file version " + newest + " in " + codeUri + ", newer than " + runtime
                        + " runs (" + (44 + feature) + ")");
            }
            pkg.handlerProblem(String.valueOf(setting(props, "Handler"))).ifPresent(p -> problems.add(id + ": " + p));
            if (env.get("SPRING_CLOUD_FUNCTION_DEFINITION") instanceof String definition) {
                pkg.beanProblem(String.valueOf(env.get("MAIN_CLASS")), definition)
                        .ifPresent(p -> problems.add(id + ": " + p));
            }
        }
    }

    /** The layer's unzipped size; its binaries must be static executables for its architectures. */
    private long checkLayer(String id, Map<?, ?> resource, List<String> problems) {
        Optional<Path> content = layerContent(id);
        if (content.isEmpty()) {
            return 0;
        }
        List<?> architectures = properties(resource).get("CompatibleArchitectures") instanceof List<?> l ? l
                : List.of("x86_64");
        long bytes = 0;
        try (Stream<Path> files = Files.walk(content.get())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                bytes += size(f);
                if (content.get().relativize(f).startsWith("bin")) {
                    if (!Files.isExecutable(f)) {
                        problems.add(id + ": " + content.get().relativize(f) + " is not executable");
                    }
                    for (Object arch : architectures) {
                        ElfExecutable.problem(f, ElfExecutable.machineOf(arch.toString()))
                                .ifPresent(p -> problems.add(id + ": " + content.get().relativize(f) + " " + p));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    /**
     * What the layer puts in /opt: the override's folder when given, else what {@code sam build} wrote to
     * {@code .aws-sam/build/<id>} (a makefile-built layer), else its ContentUri folder without a build method.
     */
    Optional<Path> layerContent(String id) {
        String override = layerContentOverride.apply(id);
        if (override != null) {
            return Optional.of(Path.of(override));
        }
        Map<?, ?> resource = resources().get(id);
        Path built = root.resolve(".aws-sam/build").resolve(id);
        if (Files.isDirectory(built.resolve("bin"))) {
            return Optional.of(built);
        }
        boolean hasBuildMethod = resource.get("Metadata") instanceof Map<?, ?> m && m.containsKey("BuildMethod");
        if (!hasBuildMethod && properties(resource).get("ContentUri") instanceof String uri
                && Files.isDirectory(root.resolve(uri))) {
            return Optional.of(root.resolve(uri));
        }
        return Optional.empty();
    }

    private boolean layerHas(String layer, String optPath) {
        return layerContent(layer).map(dir -> Files.exists(dir.resolve(optPath.substring("/opt/".length()))))
                .orElse(true);
    }

    /** The template's layer resources a function's {@code Layers} refer to (also inside {@code Fn::If}). */
    private static List<String> layerRefs(Object node, Map<String, Map<?, ?>> layers) {
        List<String> refs = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            if (map.get("Ref") instanceof String ref && layers.containsKey(ref)) {
                refs.add(ref);
            }
            map.values().forEach(v -> refs.addAll(layerRefs(v, layers)));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> refs.addAll(layerRefs(v, layers)));
        }
        return refs.stream().distinct().toList();
    }

    private Object setting(Map<?, ?> props, String name) {
        return props.containsKey(name) ? props.get(name) : globals().get(name);
    }

    private Map<String, Object> environment(Map<?, ?> props) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object source : List.of(globals(), props)) {
            if (source instanceof Map<?, ?> m && m.get("Environment") instanceof Map<?, ?> e
                    && e.get("Variables") instanceof Map<?, ?> vars) {
                vars.forEach((k, v) -> env.put(k.toString(), v));
            }
        }
        return env;
    }

    private Map<?, ?> globals() {
        return template.get("Globals") instanceof Map<?, ?> g && g.get("Function") instanceof Map<?, ?> f ? f
                : Map.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<?, ?>> resources() {
        return (Map<String, Map<?, ?>>) template.get("Resources");
    }

    private static Map<?, ?> properties(Map<?, ?> resource) {
        return resource.get("Properties") instanceof Map<?, ?> p ? p : Map.of();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
