package dev.clipflow.testing.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM YAML template into plain maps and lists, turning the short-form tags into their
 * long form: {@code !Ref X} → {@code {"Ref": "X"}}, {@code !GetAtt A.B} → {@code {"Fn::GetAtt": ["A", "B"]}},
 * {@code !Sub}, {@code !If}, {@code !Equals}, ... → {@code {"Fn::<Name>": value}}, {@code !Condition C} →
 * {@code {"Condition": "C"}}. Any other {@code !Tag} is kept the same way ({@code Fn::Tag}), so a template using
 * a function this runtime does not know still parses.
 */
public final class CfnYaml {

    private CfnYaml() {
    }

    /**
     * @throws TemplateYamlException when the file is not a YAML mapping
     */
    public static Map<String, Object> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * {@link #read} for YAML already in memory (a template snippet in a document).
     *
     * @param source names the text in the error message
     * @throws TemplateYamlException when the text is not a YAML mapping
     */
    public static Map<String, Object> parse(String yaml, String source) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(16 * 1024 * 1024);
            Object root = new Yaml(new Constructor(options)).load(yaml);
            if (!(root instanceof Map<?, ?> map)) {
                throw new TemplateYamlException(source + " is not a YAML mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new TemplateYamlException(source + " is not valid YAML: " + e.getMessage());
        }
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            Intrinsic intrinsic = new Intrinsic();
            for (String fn : List.of("Ref", "Condition", "GetAtt", "Sub", "If", "Equals", "Not", "And", "Or",
                    "Join", "Select", "Split", "FindInMap", "Base64", "GetAZs", "ImportValue", "Cidr",
                    "Transform", "Length", "ToJsonString")) {
                yamlConstructors.put(new Tag("!" + fn), intrinsic);
            }
            yamlMultiConstructors.put("!", intrinsic);
        }

        private final class Intrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                Object value = switch (node) {
                    case ScalarNode s -> constructScalar(s);
                    case SequenceNode q -> new ArrayList<>(constructSequence(q));
                    case MappingNode m -> new LinkedHashMap<>(constructMapping(m));
                    default -> throw new TemplateYamlException("Unsupported YAML node for !" + name);
                };
                Map<String, Object> out = new LinkedHashMap<>();
                switch (name) {
                    case "Ref", "Condition" -> out.put(name, value);
                    case "GetAtt" -> out.put("Fn::GetAtt", value instanceof String s ? splitAttribute(s) : value);
                    default -> out.put("Fn::" + name, value);
                }
                return out;
            }
        }
    }

    /** {@code "A.B.C"} → {@code ["A", "B.C"]} (the attribute may itself contain dots). */
    public static List<Object> splitAttribute(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return List.of(s, "");
        }
        return List.of(s.substring(0, dot), s.substring(dot + 1));
    }
}
