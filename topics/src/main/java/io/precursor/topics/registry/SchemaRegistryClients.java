package io.precursor.topics.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Chooses the registry client for a {@code schema.registry.url}. */
public final class SchemaRegistryClients {

  private static final String MOCK = "mock://";

  private SchemaRegistryClients() {}

  /**
   * {@code mock://<scope>} gives the in-memory registry of that scope; {@code http(s)://...} the
   * REST client.
   */
  public static SchemaRegistryClient forUrl(String url) {
    return forUrl(url, Optional.empty());
  }

  /**
   * As {@link #forUrl(String)}, the REST client authenticating with HTTP basic auth when {@code
   * basicAuthUserInfo} ({@code user:password}) is given.
   */
  public static SchemaRegistryClient forUrl(String url, Optional<String> basicAuthUserInfo) {
    if (url.startsWith(MOCK)) {
      String scope = url.substring(MOCK.length());
      if (scope.isBlank()) {
        throw new IllegalArgumentException("mock:// schema registry URL needs a scope name");
      }
      return MockSchemaRegistry.scope(scope);
    }
    URI uri = URI.create(url);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "schema.registry.url must be http://, https:// or mock://<scope>");
    }
    return new HttpSchemaRegistryClient(uri, Duration.ofSeconds(10), basicAuthUserInfo);
  }
}
