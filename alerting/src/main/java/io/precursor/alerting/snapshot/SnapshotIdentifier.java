package io.precursor.alerting.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The snapshot identifier of a precursor or incident: derived from its id alone, so every retry and
 * every restart asks RDS for the same snapshot and the second request answers "already exists".
 *
 * <p>RDS's rules (FACTS.md 7.1, 7.2): letters, digits and hyphens; starts with a letter; no {@code
 * --}; no trailing hyphen; at most 63 characters for a cluster snapshot (255 for an instance one,
 * so 63 fits both). The form is {@code precursor-<readable id>-<8 hex digits of SHA-256(id)>}: the
 * readable part is cut to fit, and the hash keeps ids that differ only in the cut part apart.
 */
public final class SnapshotIdentifier {

  /** The cluster-snapshot limit, the tighter of the two. */
  public static final int MAX_LENGTH = 63;

  private static final String PREFIX = "precursor-";
  private static final int HASH_CHARS = 8;

  private SnapshotIdentifier() {}

  /** The identifier for the snapshot taken because of {@code subjectId}. */
  public static String of(String subjectId) {
    if (subjectId == null || subjectId.isEmpty()) {
      throw new IllegalArgumentException("a snapshot needs a precursor or incident id");
    }
    String readable =
        subjectId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    int room = MAX_LENGTH - PREFIX.length() - 1 - HASH_CHARS;
    if (readable.length() > room) {
      readable = readable.substring(0, room).replaceAll("-+$", "");
    }
    String hash = hash(subjectId);
    return readable.isEmpty() ? PREFIX + hash : PREFIX + readable + "-" + hash;
  }

  /** Whether {@code identifier} follows RDS's snapshot identifier rules. */
  public static boolean isValid(String identifier) {
    return identifier != null
        && identifier.length() >= 1
        && identifier.length() <= MAX_LENGTH
        && identifier.matches("[a-zA-Z][a-zA-Z0-9-]*")
        && !identifier.contains("--")
        && !identifier.endsWith("-");
  }

  private static String hash(String subjectId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(subjectId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
