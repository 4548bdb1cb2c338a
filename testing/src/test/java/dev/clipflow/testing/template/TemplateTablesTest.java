package dev.clipflow.testing.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTablesTest {

    @Test
    void everyTableTheTestsCreate_isDeclaredInTheRepositoryTemplate() {
        assertThat(TemplateTables.read(TemplateTables.templateFile()).keySet())
                .as("the tables the integration tests create from template.yaml")
                .containsAll(TemplateTables.USED_BY_TESTS);
    }

    @Test
    void table_readsKeysIndexesAndTtlFromTheTemplate() {
        TableDef feeds = TemplateTables.table(TemplateTables.FEEDS);

        assertThat(feeds.keySchema()).containsExactly(new TableDef.Key("feedId", "HASH"),
                new TableDef.Key("videoId", "RANGE"));
        assertThat(feeds.localIndexes()).extracting(TableDef.Index::name).containsExactly("byTime");
        assertThat(feeds.ttlAttribute()).isEqualTo("expiresAt");
        assertThat(TemplateTables.table(TemplateTables.DISCOVERY).attributes()).containsEntry("rank", "N");
        assertThat(feeds.named("feeds-1").name()).isEqualTo("feeds-1");
    }

    @Test
    void table_notInTheTemplate_isANamedErrorListingTheTables() {
        assertThatThrownBy(() -> TemplateTables.table("NoSuchTable"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declares no AWS::DynamoDB::Table NoSuchTable")
                .hasMessageContaining(TemplateTables.VIDEOS);
    }

    @Test
    void read_keepsOnlyTables_andSortsTheKeyHashFirst(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  Things:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "${AWS::StackName}-things"
                      AttributeDefinitions:
                        - {AttributeName: sk, AttributeType: S}
                        - {AttributeName: pk, AttributeType: S}
                      KeySchema:
                        - {AttributeName: sk, KeyType: RANGE}
                        - {AttributeName: pk, KeyType: HASH}
                  Queue:
                    Type: AWS::SQS::Queue
                """);

        assertThat(TemplateTables.read(template)).containsOnlyKeys("Things");
        assertThat(TemplateTables.read(template).get("Things").keySchema()).isEqualTo(List.of(
                new TableDef.Key("pk", "HASH"), new TableDef.Key("sk", "RANGE")));
    }
}
