package dev.clipflow.testing.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfnYamlTest {

    @Test
    void parse_shortFormIntrinsics_becomeTheirLongForm() {
        Map<String, Object> t = CfnYaml.parse("""
                A: !Ref Bucket
                B: !GetAtt Queue.Arn
                C: !Sub "arn:${AWS::Partition}"
                D: !If [IsProd, 1, !Ref AWS::NoValue]
                E: !Condition IsProd
                F: !Unknown x
                """, "snippet");

        assertThat(t).containsEntry("A", Map.of("Ref", "Bucket"))
                .containsEntry("B", Map.of("Fn::GetAtt", List.of("Queue", "Arn")))
                .containsEntry("C", Map.of("Fn::Sub", "arn:${AWS::Partition}"))
                .containsEntry("D", Map.of("Fn::If", List.of("IsProd", 1, Map.of("Ref", "AWS::NoValue"))))
                .containsEntry("E", Map.of("Condition", "IsProd"))
                .containsEntry("F", Map.of("Fn::Unknown", "x"));
    }

    @Test
    void parse_notAMapping_isTemplateYamlExceptionNamingTheSource() {
        assertThatThrownBy(() -> CfnYaml.parse("- a\n- b\n", "ADR 0003"))
                .isInstanceOf(TemplateYamlException.class).hasMessage("ADR 0003 is not a YAML mapping");
        assertThatThrownBy(() -> CfnYaml.parse("a: [b\n", "snippet"))
                .isInstanceOf(TemplateYamlException.class).hasMessageStartingWith("snippet is not valid YAML");
    }
}
