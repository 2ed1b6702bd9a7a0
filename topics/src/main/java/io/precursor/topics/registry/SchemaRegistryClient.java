package io.precursor.topics.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API Precursor uses: register a schema under a
 * subject and look a schema up by its global id.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject} (or finds it already registered).
   *
   * @return the schema's global id
   * @throws SchemaRegistryException if the registry refuses or cannot be reached
   */
  int register(String subject, Schema schema);

  /**
   * Looks up the id under which {@code schema} is registered for {@code subject}, without
   * registering it.
   *
   * @throws SchemaRegistryException if it is not registered or the registry cannot be reached
   */
  int idOf(String subject, Schema schema);

  /**
   * The schema registered under {@code id}.
   *
   * @throws SchemaRegistryException if the id is unknown or the registry cannot be reached
   */
  Schema schemaById(int id);
}
