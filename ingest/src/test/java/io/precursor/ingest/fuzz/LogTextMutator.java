package io.precursor.ingest.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages slow and error log text the ways real delivery and real servers do, and worse:
 * truncation, lost and repeated lines, garbled numbers and header names, odd characters, splices
 * and oversized events.
 */
final class LogTextMutator {

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final List<String> ODD_NUMBERS =
      List.of(
          "",
          "-1",
          "99999999999999999999999999",
          "1e999999999",
          "1E-999999999",
          "0x1F",
          "NaN",
          "-0.000",
          "1.2.3",
          "١٢٣",
          "9".repeat(400));
  private static final List<String> ODD_TEXT =
      List.of(
          "\u0000",
          "\uD800",
          "\uDFFF",
          "\uFFFD",
          "\r",
          "\t",
          "\u2028",
          "☕",
          "😀",
          "\\",
          "'",
          "\"",
          "`",
          ";",
          "# Time: ",
          "# User@Host: ",
          "# Query_time: ",
          "*** WE ROLL BACK TRANSACTION (",
          "[MY-012469] ",
          "LATEST DETECTED DEADLOCK",
          "use ",
          "SET timestamp=",
          "/*",
          "*/",
          "-- ",
          " IN (",
          "VALUES (",
          "@ ",
          " [",
          "]");
  private static final List<String> HEADER_KEYS =
      List.of(
          "# Time:",
          "# User@Host:",
          "# Query_time:",
          "Lock_time:",
          "Rows_sent:",
          "Rows_examined:",
          "Id:",
          "SET timestamp=",
          "use ",
          "[MY-012468]",
          "[MY-012469]",
          "[Note]",
          "InnoDB:");

  private final SeedCorpus corpus;

  LogTextMutator(SeedCorpus corpus) {
    this.corpus = corpus;
  }

  /** {@code text} damaged once or a few times. */
  String mutate(Random random, String text) {
    String result = text;
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      result = mutateOnce(random, result);
    }
    return result;
  }

  private String mutateOnce(Random random, String text) {
    return switch (random.nextInt(12)) {
      case 0 -> truncate(random, text);
      case 1 -> dropLine(random, text);
      case 2 -> duplicateLine(random, text);
      case 3 -> swapLines(random, text);
      case 4 -> garbleNumber(random, text);
      case 5 -> insert(random, text, SeedCorpus.pick(random, ODD_TEXT));
      case 6 -> garbleHeaderKey(random, text);
      case 7 -> splice(random, text);
      case 8 -> insert(random, text, randomChars(random, 1 + random.nextInt(64)));
      case 9 -> blowUpLine(random, text);
      case 10 -> text.replace("\n", random.nextBoolean() ? "\r\n" : "\r");
      default -> text.strip() + (random.nextBoolean() ? "" : "\n\n\n");
    };
  }

  /** Printable and unprintable characters, surrogates included, unpaired now and then. */
  static String randomChars(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 6) {
        text.append((char) (0x20 + random.nextInt(0x5f)));
      } else if (kind < 7) {
        text.append((char) random.nextInt(0x20));
      } else if (kind < 9) {
        text.append((char) random.nextInt(0x10000)); // may be half of a surrogate pair
      } else {
        text.appendCodePoint(0x10000 + random.nextInt(0x10000));
      }
    }
    return text.toString();
  }

  private static String truncate(Random random, String text) {
    return text.isEmpty() ? text : text.substring(0, random.nextInt(text.length()));
  }

  private static String dropLine(Random random, String text) {
    List<String> lines = lines(text);
    if (lines.size() > 1) {
      lines.remove(random.nextInt(lines.size()));
    }
    return String.join("\n", lines);
  }

  private static String duplicateLine(Random random, String text) {
    List<String> lines = lines(text);
    int at = random.nextInt(lines.size());
    lines.add(at, lines.get(at));
    return String.join("\n", lines);
  }

  private static String swapLines(Random random, String text) {
    List<String> lines = lines(text);
    int a = random.nextInt(lines.size());
    int b = random.nextInt(lines.size());
    String line = lines.get(a);
    lines.set(a, lines.get(b));
    lines.set(b, line);
    return String.join("\n", lines);
  }

  private static String garbleNumber(Random random, String text) {
    Matcher numbers = NUMBER.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (numbers.find() && spans.size() < 64) {
      spans.add(new int[] {numbers.start(), numbers.end()});
    }
    if (spans.isEmpty()) {
      return text;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    return text.substring(0, span[0])
        + SeedCorpus.pick(random, ODD_NUMBERS)
        + text.substring(span[1]);
  }

  private static String garbleHeaderKey(Random random, String text) {
    String key = SeedCorpus.pick(random, HEADER_KEYS);
    int at = text.indexOf(key);
    if (at < 0) {
      return insert(random, text, key);
    }
    String garbled =
        switch (random.nextInt(3)) {
          case 0 -> key.substring(0, key.length() - 1);
          case 1 -> key.toLowerCase();
          default -> key + key;
        };
    return text.substring(0, at) + garbled + text.substring(at + key.length());
  }

  private String splice(Random random, String text) {
    String other =
        random.nextBoolean() ? corpus.anySlowLogText(random) : corpus.anyErrorLogText(random);
    return truncate(random, text) + other.substring(random.nextInt(other.length() + 1));
  }

  /**
   * One line repeated or lengthened, now and then to ~300 KB, past CloudWatch's 256 KB event limit
   * (rarely, so the run stays short).
   */
  private static String blowUpLine(Random random, String text) {
    List<String> lines = lines(text);
    int at = random.nextInt(lines.size());
    String line = lines.get(at).isEmpty() ? "x" : lines.get(at);
    int size = random.nextInt(200) == 0 ? 300_000 : 4_000;
    int times = Math.max(1, (1 + random.nextInt(size)) / line.length());
    if (random.nextBoolean()) {
      lines.set(at, line.repeat(times));
    } else {
      for (int i = 0; i < Math.min(times, 5_000); i++) {
        lines.add(at, line);
      }
    }
    return String.join("\n", lines);
  }

  private static String insert(Random random, String text, String inserted) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + inserted + text.substring(at);
  }

  private static List<String> lines(String text) {
    return new ArrayList<>(List.of(text.split("\n", -1)));
  }
}
