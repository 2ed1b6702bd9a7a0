package io.precursor.ingest.digest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * pt-query-digest 3's Query ID of a fingerprint: {@code 0x} and the whole MD5 in upper case hex,
 * e.g. {@code 0x5EB63BBBE01EEED093CB22BB8F5ACDC3}; its last 16 digits are the pipeline's 64-bit
 * fingerprint hash.
 */
public final class QueryId {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private QueryId() {}

  /** The Query ID of {@code fingerprint}, as pt-query-digest 3 prints it. */
  public static String of(String fingerprint) {
    try {
      return "0x"
          + HEX.formatHex(MessageDigest.getInstance("MD5").digest(fingerprint.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides MD5", e);
    }
  }
}
