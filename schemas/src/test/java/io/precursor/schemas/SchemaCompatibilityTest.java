package io.precursor.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaCompatibilityTest {

  private static final Path CURRENT = Path.of("src/main/avro");
  private static final Path RELEASED = Path.of("src/test/resources/released");

  static Stream<String> releasedRecords() {
    return parseAll(RELEASED).values().stream()
        .filter(s -> s.getType() == Schema.Type.RECORD)
        .map(Schema::getFullName);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releasedRecords")
  void shouldReadEverythingTheReleasedSchemaWrote(String name) {
    Schema released = parseAll(RELEASED).get(name);
    Schema current = parseAll(CURRENT).get(name);

    assertThat(current).as("%s was removed; downstream consumers still read it", name).isNotNull();
    var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
    assertThat(result.getType())
        .as("%s is not BACKWARD compatible: %s", name, result.getResult().getIncompatibilities())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @Test
  void shouldDocumentEveryTypeAndField() {
    List<String> undocumented = new ArrayList<>();
    for (Schema schema : parseAll(CURRENT).values()) {
      collectUndocumented(schema, undocumented);
    }

    assertThat(undocumented).isEmpty();
  }

  @Test
  void shouldGenerateTheClassesTheTopicsUse() {
    assertThat(
            Stream.of(
                    SlowQueryEntry.class,
                    ErrorLogEntry.class,
                    MetricSample.class,
                    DbEvent.class,
                    FailoverPrecursor.class,
                    Incident.class,
                    ActionRecord.class,
                    DeadLetter.class)
                .map(c -> SlowQueryEntry.getClassSchema().getNamespace() + "." + c.getSimpleName()))
        .allMatch(parseAll(CURRENT)::containsKey);
  }

  private static void collectUndocumented(Schema schema, List<String> out) {
    if (schema.getDoc() == null || schema.getDoc().isBlank()) {
      out.add(schema.getFullName());
    }
    if (schema.getType() == Schema.Type.RECORD) {
      for (Schema.Field field : schema.getFields()) {
        if (field.doc() == null || field.doc().isBlank()) {
          out.add(schema.getFullName() + "." + field.name());
        }
      }
    }
  }

  /** Parses a folder of .avsc files, shared types (in common/) first, into named types. */
  private static Map<String, Schema> parseAll(Path root) {
    Schema.Parser parser = new Schema.Parser();
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> avsc =
          files
              .filter(p -> p.toString().endsWith(".avsc"))
              .sorted(
                  Comparator.comparing((Path p) -> !p.getParent().endsWith("common"))
                      .thenComparing(Path::toString))
              .toList();
      for (Path file : avsc) {
        parser.parse(file.toFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parser.getTypes().values().stream()
        .collect(Collectors.toMap(Schema::getFullName, s -> s));
  }
}
