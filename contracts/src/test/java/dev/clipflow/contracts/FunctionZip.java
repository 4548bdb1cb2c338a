package dev.clipflow.contracts;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Lambda Java deployment package as the runtime sees it: extracted, classes at the root, every {@code lib/*.jar}
 * on the class path. Answers what the Java runtime would trip over: the handler class and method, the Spring
 * Cloud Function bean, class files newer than the runtime.
 */
final class FunctionZip implements AutoCloseable {

    private static final Pattern MULTI_RELEASE = Pattern.compile("META-INF/versions/(\\d+)/.*");
    /** Newest class-file major version of each jar already read (the functions share most of their jars). */
    private static final Map<String, Integer> JAR_MAJOR = new ConcurrentHashMap<>();

    private final Path dir;
    private final long unzippedBytes;
    private URLClassLoader loader;

    private FunctionZip(Path dir, long unzippedBytes) {
        this.dir = dir;
        this.unzippedBytes = unzippedBytes;
    }

    /** Extracts {@code zip} into {@code dir} (which must not exist yet). */
    static FunctionZip extract(Path zip, Path dir) {
        long total = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("Zip entry outside the package: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    total += Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + zip, e);
        }
        return new FunctionZip(dir, total);
    }

    long unzippedBytes() {
        return unzippedBytes;
    }

    /** The highest class-file major version in the package (root classes and every jar in lib/). */
    int newestClassMajor(int runtimeFeature) {
        int newest = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (rel.endsWith(".class") && counts(rel, runtimeFeature)) {
                    try (InputStream in = Files.newInputStream(f)) {
                        newest = Math.max(newest, major(in));
                    }
                } else if (rel.startsWith("lib/") && rel.endsWith(".jar")) {
                    String key = f.getFileName() + ":" + Files.size(f) + ":" + runtimeFeature;
                    newest = Math.max(newest, JAR_MAJOR.computeIfAbsent(key, k -> jarMajor(f, runtimeFeature)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return newest;
    }

    /** Multi-release entries for a newer Java than the runtime are never loaded by it. */
    private static boolean counts(String entry, int runtimeFeature) {
        Matcher m = MULTI_RELEASE.matcher(entry);
        return !m.matches() || Integer.parseInt(m.group(1)) <= runtimeFeature;
    }

    private static int jarMajor(Path jar, int runtimeFeature) {
        int newest = 0;
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (e.getName().endsWith(".class") && counts(e.getName(), runtimeFeature)) {
                    try (InputStream in = z.getInputStream(e)) {
                        newest = Math.max(newest, major(in));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
        return newest;
    }

    private static int major(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != 0xCAFEBABE) {
            return 0;
        }
        data.readUnsignedShort();
        return data.readUnsignedShort();
    }

    /**
     * Empty when Lambda can load {@code handler} ({@code package.Class::method}): the class is in the package, has a
     * public no-argument constructor (or the method is static) and a public method of that name whose parameter
     * types all load.
     */
    Optional<String> handlerProblem(String handler) {
        try {
            return handlerProblemOrLinkageError(handler);
        } catch (LinkageError e) {
            return Optional.of("handler " + handler + " does not link: " + e);
        }
    }

    private Optional<String> handlerProblemOrLinkageError(String handler) {
        String[] parts = handler.split("::", 2);
        Optional<Class<?>> type = load(parts[0]);
        if (type.isEmpty()) {
            return Optional.of("handler class " + parts[0] + " is not in the package");
        }
        String name = parts.length == 2 ? parts[1] : "handleRequest";
        List<Method> methods = Arrays.stream(type.get().getMethods()).filter(m -> m.getName().equals(name)).toList();
        if (methods.isEmpty()) {
            return Optional.of("handler class " + parts[0] + " has no public method " + name);
        }
        boolean instance = methods.stream().anyMatch(m -> !Modifier.isStatic(m.getModifiers()));
        if (instance && Arrays.stream(type.get().getConstructors()).noneMatch(c -> c.getParameterCount() == 0)) {
            return Optional.of("handler class " + parts[0] + " has no public no-argument constructor");
        }
        return Optional.empty();
    }

    /**
     * Empty when {@code mainClass} is a functional start class (docs/adr/0015: an {@code ApplicationContextInitializer}
     * that registers its beans with {@code dev.clipflow.lambda.FunctionBeans}, the one pattern of every function) and
     * every function of {@code definition} ({@code a|b} compositions allowed) is a bean it registers as a
     * {@link Function}, {@link Consumer} or {@link Supplier}. An auto-configured start class ({@code @Bean} methods,
     * {@code @EnableAutoConfiguration}) is named: Lambda could start it, but it costs the cold start the ADR removed.
     */
    Optional<String> beanProblem(String mainClass, String definition) {
        try {
            return beanProblemOrLinkageError(mainClass, definition);
        } catch (LinkageError e) {
            return Optional.of("MAIN_CLASS " + mainClass + " does not link: " + e);
        }
    }

    private Optional<String> beanProblemOrLinkageError(String mainClass, String definition) {
        Optional<Class<?>> main = load(mainClass);
        if (main.isEmpty()) {
            return Optional.of("MAIN_CLASS " + mainClass + " is not in the package");
        }
        if (Arrays.stream(main.get().getInterfaces()).noneMatch(i -> i.getName().equals(INITIALIZER))) {
            return Optional.of("MAIN_CLASS " + mainClass + " is not a functional start class (an "
                    + "ApplicationContextInitializer registering its beans with FunctionBeans, docs/adr/0015)");
        }
        return registeredBeanProblem(main.get(), definition);
    }

    private static final String INITIALIZER = "org.springframework.context.ApplicationContextInitializer";

    /**
     * A functionally registered start class (docs/adr/0015): runs its {@code initialize} on an empty
     * {@code GenericApplicationContext} from the package (registration only; no bean is built) and checks that every
     * function of {@code definition} is a registered bean whose target type is a {@code FunctionRegistration} of a
     * Function, Consumer or Supplier ({@code dev.clipflow.lambda.FunctionBeans} declares it so).
     */
    private Optional<String> registeredBeanProblem(Class<?> main, String definition) {
        List<String> missing = new ArrayList<>();
        try {
            Class<?> contextType = Class.forName("org.springframework.context.support.GenericApplicationContext",
                    true, loader());
            Object context = contextType.getConstructor().newInstance();
            Class<?> configurable = Class.forName("org.springframework.context.ConfigurableApplicationContext",
                    false, loader());
            Class.forName(INITIALIZER, false, loader()).getMethod("initialize", configurable)
                    .invoke(main.getConstructor().newInstance(), context);
            for (String bean : definition.split("[|,;]")) {
                String name = bean.strip();
                boolean registered = (boolean) contextType.getMethod("containsBeanDefinition", String.class)
                        .invoke(context, name);
                Class<?> function = null;
                if (registered) {
                    Object beanDefinition = contextType.getMethod("getBeanDefinition", String.class)
                            .invoke(context, name);
                    Object type = beanDefinition.getClass().getMethod("getResolvableType").invoke(beanDefinition);
                    Object generic = type.getClass().getMethod("getGeneric", int[].class).invoke(type, new int[] {0});
                    function = (Class<?>) generic.getClass().getMethod("resolve").invoke(generic);
                }
                if (function == null || !(Function.class.isAssignableFrom(function)
                        || Consumer.class.isAssignableFrom(function) || Supplier.class.isAssignableFrom(function))) {
                    missing.add(name);
                }
            }
        } catch (ReflectiveOperationException e) {
            return Optional.of("MAIN_CLASS " + main.getName() + " does not register its beans: "
                    + (e.getCause() == null ? e : e.getCause()));
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("SPRING_CLOUD_FUNCTION_DEFINITION names no "
                + "registered Function/Consumer/Supplier bean of " + main.getName() + ": "
                + String.join(", ", missing));
    }

    private Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, loader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private URLClassLoader loader() {
        if (loader == null) {
            List<URL> urls = new ArrayList<>();
            try {
                urls.add(dir.toUri().toURL());
                Path lib = dir.resolve("lib");
                if (Files.isDirectory(lib)) {
                    try (Stream<Path> jars = Files.list(lib)) {
                        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                            urls.add(jar.toUri().toURL());
                        }
                    }
                }
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        }
        return loader;
    }

    @Override
    public void close() {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
