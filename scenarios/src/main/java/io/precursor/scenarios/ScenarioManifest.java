package io.precursor.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.scenarios.awscli.CliJson;
import io.precursor.scenarios.awscli.CliNumber;
import io.precursor.scenarios.fleet.AwsAccount;
import io.precursor.scenarios.fleet.DbCluster;
import io.precursor.scenarios.fleet.DbInstance;
import io.precursor.scenarios.fleet.Fleet;
import io.precursor.scenarios.fleet.InstanceRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The {@code scenario.json} of a written scenario: what it is, its window, its clusters, its files
 * and the facts a test can check against what Precursor makes of the files.
 */
public record ScenarioManifest(
    String name,
    String description,
    long seed,
    Instant windowStart,
    Instant windowEnd,
    Fleet fleet,
    List<ScenarioFile> files,
    Map<String, Object> facts) {

  /** The manifest's name inside a scenario directory. */
  public static final String FILE_NAME = "scenario.json";

  public ScenarioManifest {
    files = List.copyOf(files);
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /** The files written in {@code format}, in read order. */
  public List<ScenarioFile> files(String format) {
    return files.stream().filter(file -> file.format().equals(format)).toList();
  }

  public String stringFact(String key) {
    return (String) fact(key);
  }

  public Instant instantFact(String key) {
    return Instant.parse(stringFact(key));
  }

  public long longFact(String key) {
    return (Long) fact(key);
  }

  public double doubleFact(String key) {
    return ((Number) fact(key)).doubleValue();
  }

  private Object fact(String key) {
    Object value = facts.get(key);
    if (value == null) {
      throw new NoSuchElementException(
          "scenario " + name + " has no fact " + key + ": " + facts.keySet());
    }
    return value;
  }

  /** Facts are stored as JSON can hold them: instants become ISO-8601 strings. */
  static Object factValue(Object value) {
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("a fact is a string, number, boolean or instant: " + value);
  }

  /** Writes {@code scenario.json} into {@code directory}. */
  public void write(Path directory) throws IOException {
    CliJson.writeFile(
        directory.resolve(FILE_NAME),
        json -> {
          json.writeStartObject();
          json.writeStringField("name", name);
          json.writeStringField("description", description);
          json.writeNumberField("seed", seed);
          json.writeObjectFieldStart("window");
          json.writeStringField("start", windowStart.toString());
          json.writeStringField("end", windowEnd.toString());
          json.writeEndObject();
          json.writeObjectFieldStart("account");
          json.writeStringField("accountId", fleet.account().accountId());
          json.writeStringField("region", fleet.account().region());
          json.writeEndObject();
          json.writeArrayFieldStart("clusters");
          for (DbCluster cluster : fleet.clusters()) {
            json.writeStartObject();
            json.writeStringField("id", cluster.id());
            json.writeStringField("engine", "aurora-mysql");
            json.writeStringField("engineVersion", cluster.engineVersion());
            json.writeArrayFieldStart("instances");
            for (DbInstance instance : cluster.instances()) {
              json.writeStartObject();
              json.writeStringField("id", instance.id());
              json.writeStringField("role", instance.role().name().toLowerCase(Locale.ROOT));
              json.writeStringField("availabilityZone", instance.availabilityZone());
              json.writeStringField("instanceClass", instance.instanceClass());
              json.writeNumberField("memoryBytes", instance.memoryBytes());
              json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeArrayFieldStart("files");
          for (ScenarioFile file : files) {
            json.writeStartObject();
            json.writeStringField("path", file.path());
            json.writeStringField("format", file.format());
            for (Map.Entry<String, String> detail : new TreeMap<>(file.details()).entrySet()) {
              json.writeStringField(detail.getKey(), detail.getValue());
            }
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeObjectFieldStart("facts");
          for (Map.Entry<String, Object> fact : facts.entrySet()) {
            json.writeFieldName(fact.getKey());
            Object value = fact.getValue();
            if (value instanceof Long number) {
              json.writeNumber(number);
            } else if (value instanceof Double number) {
              json.writeNumber(CliNumber.format(number));
            } else if (value instanceof Boolean flag) {
              json.writeBoolean(flag);
            } else {
              json.writeString((String) value);
            }
          }
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  /** Reads the {@code scenario.json} in {@code directory}. */
  public static ScenarioManifest read(Path directory) throws IOException {
    try (InputStream in = Files.newInputStream(directory.resolve(FILE_NAME))) {
      return read(in);
    }
  }

  /** Reads a {@code scenario.json} from a stream, e.g. a classpath resource. */
  public static ScenarioManifest read(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    AwsAccount account =
        new AwsAccount(
            root.path("account").path("accountId").asText(),
            root.path("account").path("region").asText());
    List<DbCluster> clusters = new ArrayList<>();
    for (JsonNode cluster : root.path("clusters")) {
      List<DbInstance> instances = new ArrayList<>();
      for (JsonNode instance : cluster.path("instances")) {
        instances.add(
            new DbInstance(
                instance.path("id").asText(),
                cluster.path("id").asText(),
                InstanceRole.valueOf(instance.path("role").asText().toUpperCase(Locale.ROOT)),
                instance.path("availabilityZone").asText(),
                instance.path("instanceClass").asText(),
                instance.path("memoryBytes").asLong()));
      }
      clusters.add(
          new DbCluster(
              cluster.path("id").asText(), cluster.path("engineVersion").asText(), instances));
    }
    List<ScenarioFile> files = new ArrayList<>();
    for (JsonNode file : root.path("files")) {
      Map<String, String> details = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> fields = file.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!field.getKey().equals("path") && !field.getKey().equals("format")) {
          details.put(field.getKey(), field.getValue().asText());
        }
      }
      files.add(
          new ScenarioFile(file.path("path").asText(), file.path("format").asText(), details));
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = root.path("facts").fields();
        fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      facts.put(
          field.getKey(),
          value.isIntegralNumber()
              ? (Object) value.asLong()
              : value.isNumber()
                  ? (Object) value.asDouble()
                  : value.isBoolean() ? value.asBoolean() : value.asText());
    }
    return new ScenarioManifest(
        root.path("name").asText(),
        root.path("description").asText(),
        root.path("seed").asLong(),
        Instant.parse(root.path("window").path("start").asText()),
        Instant.parse(root.path("window").path("end").asText()),
        new Fleet(account, clusters),
        files,
        facts);
  }
}
