package io.precursor.ingest.slowlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@link QueryFingerprint} equal to the real pt-fingerprint and pt-query-digest on a corpus
 * of real-world and adversarial statements. The expected outputs were produced by the tools
 * themselves ({@code slowlog/pt-fingerprint/regenerate.py}); when they are installed, the live
 * tests ask them again, so a different percona-toolkit version is noticed.
 */
class PtFingerprintParityTest {

  private static final String CORPUS = "/slowlog/pt-fingerprint/corpus.tsv";
  private static final String SEPARATOR = "precursor_corpus_separator";
  private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^#.+$");

  /**
   * Runs pt-query-digest's own QueryRewriter::fingerprint on base64 lines: the tool is loaded as a
   * module (it runs its main only when nothing loads it), as regenerate.py does.
   */
  private static final String DIGEST_FINGERPRINT =
      "do $ARGV[0] or die($@ || $!); use MIME::Base64;"
          + " my $qr = QueryRewriter->new(QueryParser => QueryParser->new());"
          + " while (my $line = <STDIN>) {"
          + " print encode_base64($qr->fingerprint(decode_base64($line)), \"\"), \"\\n\" }";

  record Case(String id, String statement, String ptFingerprint, String ptQueryDigest) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Case> corpus() throws IOException {
    return readCorpus().cases().stream();
  }

  /**
   * The one deliberate difference: pt-fingerprint 3.2.1 bundles an older QueryRewriter than
   * pt-query-digest 3.2.1, which also replaces {@code true} and {@code false} with {@code ?}.
   * Precursor follows pt-query-digest, because DBAs compare its Query IDs; everywhere the two tools
   * agree, Precursor agrees with both.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shouldFingerprintAsPtQueryDigestAndPtFingerprintDo(Case c) {
    String ours = QueryFingerprint.of(c.statement()).text();

    assertThat(ours)
        .as("pt-query-digest's fingerprint of %s", c.statement())
        .isEqualTo(c.ptQueryDigest());
    if (c.ptFingerprint().equals(c.ptQueryDigest())) {
      assertThat(ours).as("pt-fingerprint of %s", c.statement()).isEqualTo(c.ptFingerprint());
    } else {
      assertThat(c.statement())
          .as("the tools disagree only on boolean literals")
          .containsPattern("(?i)\\b(true|false)\\b");
    }
  }

  @Test
  void shouldHoldABroadCorpusWithUniqueIds() throws IOException {
    List<String> ids = readCorpus().cases().stream().map(Case::id).toList();

    assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(500);
  }

  /**
   * Feeds the whole corpus to the installed pt-fingerprint and expects exactly the recorded
   * answers. Statements that pt-fingerprint's file mode would alter (see {@link #viaStdin}) go
   * through {@code --query}, one process each; the rest through one process on standard input.
   */
  @Test
  void shouldMatchTheInstalledPtFingerprint(@TempDir Path dir, TestReporter reporter)
      throws IOException, InterruptedException {
    Optional<Path> tool = installed("pt-fingerprint", reporter);
    if (tool.isEmpty()) {
      return;
    }
    Corpus corpus = readCorpus();
    String version = run(dir, List.of(tool.get().toString(), "--version"), "").strip();
    List<Case> stdin = corpus.cases().stream().filter(c -> viaStdin(c.statement())).toList();
    StringBuilder payload = new StringBuilder();
    for (Case c : stdin) {
      payload.append(c.statement()).append(";\n").append(SEPARATOR).append(";\n");
    }
    String out = run(dir, List.of(tool.get().toString()), payload.toString());
    String[] answers = out.split("\n" + SEPARATOR + "\n", -1);
    assertThat(answers).as("one answer per statement, then nothing").hasSize(stdin.size() + 1);
    Map<String, String> live = new HashMap<>();
    for (int i = 0; i < stdin.size(); i++) {
      live.put(stdin.get(i).id(), answers[i]);
    }
    for (Case c : corpus.cases()) {
      if (!live.containsKey(c.id())) {
        String answer = run(dir, List.of(tool.get().toString(), "--query", c.statement()), "");
        live.put(c.id(), answer.endsWith("\n") ? answer.substring(0, answer.length() - 1) : answer);
      }
    }

    assertThat(changedAnswers(corpus, Case::ptFingerprint, live))
        .as("%s (installed) against the corpus recorded with %s", version, corpus.tool())
        .isEmpty();
  }

  /** The same for pt-query-digest's own fingerprint function, loaded from the installed tool. */
  @Test
  void shouldMatchTheInstalledPtQueryDigest(@TempDir Path dir, TestReporter reporter)
      throws IOException, InterruptedException {
    Optional<Path> tool = installed("pt-query-digest", reporter);
    if (tool.isEmpty()) {
      return;
    }
    Corpus corpus = readCorpus();
    String version = run(dir, List.of(tool.get().toString(), "--version"), "").strip();
    StringBuilder payload = new StringBuilder();
    Base64.Encoder base64 = Base64.getEncoder();
    for (Case c : corpus.cases()) {
      payload.append(base64.encodeToString(c.statement().getBytes(UTF_8))).append('\n');
    }
    String out =
        run(
            dir,
            List.of("perl", "-e", DIGEST_FINGERPRINT, tool.get().toString()),
            payload.toString());
    String[] answers = out.split("\n");
    assertThat(answers).hasSize(corpus.cases().size());
    Map<String, String> live = new HashMap<>();
    for (int i = 0; i < answers.length; i++) {
      live.put(
          corpus.cases().get(i).id(), new String(Base64.getDecoder().decode(answers[i]), UTF_8));
    }

    assertThat(changedAnswers(corpus, Case::ptQueryDigest, live))
        .as("%s (installed) against the corpus recorded with %s", version, corpus.digest())
        .isEmpty();
  }

  /** Cases whose live answer differs from the recorded one, as "id: recorded -> live". */
  private static List<String> changedAnswers(
      Corpus corpus, Function<Case, String> recorded, Map<String, String> live) {
    List<String> changed = new ArrayList<>();
    for (Case c : corpus.cases()) {
      if (!recorded.apply(c).equals(live.get(c.id()))) {
        changed.add(c.id() + ": " + recorded.apply(c) + " -> " + live.get(c.id()));
      }
    }
    return changed;
  }

  private static Optional<Path> installed(String program, TestReporter reporter) {
    Optional<Path> tool = onPath(program);
    if (tool.isEmpty()) {
      // CI installs percona-toolkit; PRECURSOR_REQUIRE_PERCONA_TOOLKIT=true makes its absence fail.
      assertThat(System.getenv("PRECURSOR_REQUIRE_PERCONA_TOOLKIT"))
          .as("%s is required but not on PATH", program)
          .isNotEqualToIgnoringCase("true");
      reporter.publishEntry(program, "not on PATH: compared with the recorded corpus only");
    }
    return tool;
  }

  /**
   * Whether pt-fingerprint's file mode hands the statement to its fingerprint function unchanged:
   * it splits records on {@code ";\n"}, blanks lines starting with {@code #}, strips leading
   * whitespace, skips records not starting with a word character, and (with {@code $/} set to
   * {@code ";\n"}) no longer chomps a trailing newline. Same rule as regenerate.py.
   */
  static boolean viaStdin(String statement) {
    return !statement.isEmpty()
        && isAsciiWordChar(statement.charAt(0))
        && !statement.contains(";\n")
        && !statement.endsWith("\n")
        && !COMMENT_LINE.matcher(statement).find();
  }

  private static boolean isAsciiWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static String run(Path dir, List<String> command, String stdin)
      throws IOException, InterruptedException {
    Path in = dir.resolve("in.sql");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Files.writeString(in, stdin, UTF_8);
    Process process =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s finished", command.get(0)).isTrue();
    // pt-fingerprint --query exits with 1 after a successful print; judge it by stderr instead.
    assertThat(Files.readString(err, UTF_8)).as("stderr of %s", command).isEmpty();
    return Files.readString(out, UTF_8);
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The recorded corpus and the versions of the two tools that answered. */
  record Corpus(String tool, String digest, List<Case> cases) {}

  static Corpus readCorpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    String tool = null;
    String digest = null;
    try (InputStream in = PtFingerprintParityTest.class.getResourceAsStream(CORPUS);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("# tool: ")) {
          tool = line.substring("# tool: ".length());
        }
        if (line.startsWith("# digest: ")) {
          digest = line.substring("# digest: ".length());
        }
        if (line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        cases.add(
            new Case(columns[0], unescape(columns[1]), unescape(columns[2]), unescape(columns[3])));
      }
    }
    assertThat(tool).as("the corpus names the pt-fingerprint that wrote it").isNotNull();
    assertThat(digest).as("the corpus names the pt-query-digest that wrote it").isNotNull();
    return new Corpus(tool, digest, cases);
  }

  /** Reverses regenerate.py's escape: {@code \\ \n \t \r \\uXXXX}. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = field.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'u' -> {
          out.append((char) Integer.parseInt(field.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
