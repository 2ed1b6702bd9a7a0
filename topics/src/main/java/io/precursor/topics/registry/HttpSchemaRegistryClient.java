package io.precursor.topics.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A Confluent Schema Registry client over its REST API ({@code POST /subjects/{s}/versions}, {@code
 * POST /subjects/{s}}, {@code GET /schemas/ids/{id}}), caching what it learnt.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUri;
  private final String displayUrl;
  private final HttpClient http;
  private final Duration timeout;
  private final Optional<String> authorization;
  private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public HttpSchemaRegistryClient(URI baseUri, Duration timeout) {
    this(baseUri, timeout, Optional.empty());
  }

  /**
   * A client sending HTTP basic auth with {@code basicAuthUserInfo} ({@code user:password}), or
   * with the user info of {@code uri} when that is empty.
   */
  public HttpSchemaRegistryClient(URI uri, Duration timeout, Optional<String> basicAuthUserInfo) {
    Optional<String> fromUrl =
        Optional.ofNullable(uri.getRawUserInfo()).map(HttpSchemaRegistryClient::decode);
    // Credentials in the URL go in the header only, never in a request line or a message.
    URI baseUri = uri.getRawUserInfo() == null ? uri : withoutUserInfo(uri);
    this.authorization =
        basicAuthUserInfo
            .or(() -> fromUrl)
            .filter(info -> !info.isEmpty())
            .map(
                info ->
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(info.getBytes(StandardCharsets.UTF_8)));
    String url = baseUri.toString();
    this.baseUri = URI.create(url.endsWith("/") ? url : url + "/");
    // Credentials in the URL must never reach an exception message or a log line.
    this.displayUrl = baseUri.getScheme() + "://" + baseUri.getHost() + ":" + baseUri.getPort();
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubjectAndSchema.computeIfAbsent(
        subject + "\n" + schema,
        k -> idFrom(post("subjects/" + encode(subject) + "/versions", schema), subject, schema));
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return idsBySubjectAndSchema.computeIfAbsent(
        subject + "\n" + schema,
        k -> idFrom(post("subjects/" + encode(subject), schema), subject, schema));
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id, this::fetchSchema);
  }

  private int idFrom(JsonNode body, String subject, Schema schema) {
    JsonNode id = body.get("id");
    if (id == null || !id.canConvertToInt()) {
      throw new SchemaRegistryException(
          "schema registry at " + displayUrl + " answered without an id for subject " + subject);
    }
    schemasById.putIfAbsent(id.intValue(), schema);
    return id.intValue();
  }

  private Schema fetchSchema(int id) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUri.resolve("schemas/ids/" + id))
            .timeout(timeout)
            .header("Accept", CONTENT_TYPE)
            .GET();
    JsonNode body = send(authorized(request), "schema id " + id);
    JsonNode schemaText = body.get("schema");
    if (schemaText == null || !schemaText.isTextual()) {
      throw new SchemaRegistryException(
          "schema registry at " + displayUrl + " answered without a schema for id " + id);
    }
    return new Schema.Parser().parse(schemaText.textValue());
  }

  private JsonNode post(String path, Schema schema) {
    String payload = JSON.createObjectNode().put("schema", schema.toString()).toString();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUri.resolve(path))
            .timeout(timeout)
            .header("Content-Type", CONTENT_TYPE)
            .header("Accept", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    return send(authorized(request), path);
  }

  private HttpRequest authorized(HttpRequest.Builder request) {
    authorization.ifPresent(value -> request.header("Authorization", value));
    return request.build();
  }

  private static String decode(String rawUserInfo) {
    return java.net.URLDecoder.decode(rawUserInfo, StandardCharsets.UTF_8);
  }

  private static URI withoutUserInfo(URI uri) {
    try {
      return new URI(
          uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("schema.registry.url is not a valid URL", e);
    }
  }

  private JsonNode send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "schema registry at " + displayUrl + " unreachable (" + what + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted talking to schema registry", e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      String message = body.path("message").asText(response.body());
      throw new SchemaRegistryException(
          "schema registry at "
              + displayUrl
              + " refused "
              + what
              + ": HTTP "
              + response.statusCode()
              + " error_code "
              + body.path("error_code").asText("?")
              + ": "
              + message);
    }
    return body;
  }

  private JsonNode parse(String body) {
    try {
      return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }
}
