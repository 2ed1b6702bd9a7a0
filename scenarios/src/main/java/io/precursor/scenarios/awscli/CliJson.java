package io.precursor.scenarios.awscli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON the way the AWS CLI prints it: Python's {@code json.dumps(indent=4)}, so four-space indents,
 * {@code "key": value}, {@code []} for empty lists, non-ASCII left as is.
 */
public final class CliJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private CliJson() {}

  /** Writes one JSON document of AWS CLI output to {@code file}, ending in a newline. */
  public static void writeFile(Path file, JsonBody body) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator json = pretty(out)) {
      body.write(json);
      json.flush();
      out.write('\n');
    }
  }

  /** A generator that prints like the AWS CLI. */
  public static JsonGenerator pretty(OutputStream out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    json.setPrettyPrinter(
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter));
    return json;
  }

  /** A generator for compact JSON, as in CloudWatch Logs subscription payloads. */
  public static JsonGenerator compact(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out, JsonEncoding.UTF8);
  }

  /** The body of one JSON document. */
  @FunctionalInterface
  public interface JsonBody {
    void write(JsonGenerator json) throws IOException;
  }
}
