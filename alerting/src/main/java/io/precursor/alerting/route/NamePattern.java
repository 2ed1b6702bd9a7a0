package io.precursor.alerting.route;

import java.util.regex.Pattern;

/**
 * A DB cluster or instance name pattern in a routing rule: a glob where {@code *} is any run of
 * characters and {@code ?} one character, matched against the whole name.
 */
public final class NamePattern {

  // RDS keeps DB identifiers in lower case, with letters, digits and hyphens only.
  private static final Pattern RDS_IDENTIFIER_GLOB = Pattern.compile("[a-z0-9*?-]+");

  private final String glob;
  private final Pattern regex;

  private NamePattern(String glob) {
    this.glob = glob;
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    this.regex = Pattern.compile(regex.toString());
  }

  /** The pattern {@code glob}, e.g. {@code ads-*} or {@code billing-prod-?}. */
  public static NamePattern of(String glob) {
    if (glob == null || glob.isBlank()) {
      throw new IllegalArgumentException("a name pattern must not be empty");
    }
    return new NamePattern(glob.strip());
  }

  /** Whether {@code name} matches the whole pattern; a missing name matches nothing. */
  public boolean matches(String name) {
    return name != null && regex.matcher(name).matches();
  }

  /**
   * Whether some RDS identifier could match: a pattern with upper-case letters, dots, underscores
   * or spaces never does, since RDS identifiers are lower-case letters, digits and hyphens.
   */
  public boolean canMatchAnRdsIdentifier() {
    return RDS_IDENTIFIER_GLOB.matcher(glob).matches();
  }

  @Override
  public String toString() {
    return glob;
  }
}
