package io.precursor.topics.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * An in-memory schema registry for tests and the embedded demo, shared by every client of the same
 * {@code mock://<scope>} within one JVM, as Confluent's serdes offer.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

  private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private final String scope;
  private final Map<Schema, Integer> ids = new HashMap<>();
  private final Map<Integer, Schema> schemas = new HashMap<>();
  private final Map<String, Map<Schema, Integer>> subjects = new HashMap<>();

  private MockSchemaRegistry(String scope) {
    this.scope = scope;
  }

  /** The registry of {@code scope}, created on first use. */
  public static MockSchemaRegistry scope(String scope) {
    return SCOPES.computeIfAbsent(scope, MockSchemaRegistry::new);
  }

  /** Forgets the registry of {@code scope}; the next use starts empty. */
  public static void drop(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    int id = ids.computeIfAbsent(schema, s -> ids.size() + 1);
    schemas.putIfAbsent(id, schema);
    subjects.computeIfAbsent(subject, s -> new HashMap<>()).put(schema, id);
    return id;
  }

  @Override
  public synchronized int idOf(String subject, Schema schema) {
    Integer id = subjects.getOrDefault(subject, Map.of()).get(schema);
    if (id == null) {
      throw new SchemaRegistryException(
          "schema not registered under subject " + subject + " in mock://" + scope);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemas.get(id);
    if (schema == null) {
      throw new SchemaRegistryException("schema id " + id + " not found in mock://" + scope);
    }
    return schema;
  }
}
