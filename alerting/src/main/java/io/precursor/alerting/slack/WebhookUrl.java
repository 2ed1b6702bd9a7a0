package io.precursor.alerting.slack;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A Slack incoming-webhook URL, which is a secret: it prints as {@code https://hooks.slack.com/…}
 * and nothing after the host ever reaches a log, an exception or an audit record.
 */
public final class WebhookUrl {

  private final URI uri;
  private final String redacted;

  private WebhookUrl(URI uri) {
    this.uri = uri;
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    this.redacted = uri.getScheme() + "://" + uri.getHost() + port + "/…";
  }

  /**
   * Parses a webhook URL: absolute, with a host, {@code https} (plain {@code http} only to a
   * loopback address, i.e. a local stand-in). Error messages never repeat the URL.
   */
  public static WebhookUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("the webhook URL is empty");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "the webhook URL is not a valid URI (error at index " + e.getIndex() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          "the webhook URL must be an absolute https:// URL such as https://hooks.slack.com/services/…");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "the webhook URL must not carry user info before the host");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "the webhook URL must use https:// (plain http:// is accepted for a loopback host only)");
    }
    return new WebhookUrl(uri);
  }

  /** The URL to send to; package-private so only the client sees the secret part. */
  URI uri() {
    return uri;
  }

  /** Scheme, host and port, the rest replaced by an ellipsis. */
  public String redacted() {
    return redacted;
  }

  /** {@code text} with every appearance of the URL or its path replaced by the redacted form. */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String scrubbed = text.replace(uri.toString(), redacted);
    String path = uri.getRawPath();
    if (path != null && path.length() > 1) {
      scrubbed = scrubbed.replace(path, "/…");
    }
    return scrubbed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookUrl that && uri.equals(that.uri);
  }

  @Override
  public int hashCode() {
    return uri.hashCode();
  }

  @Override
  public String toString() {
    return redacted;
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // never resolve a name here: parsing must not touch the network
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
