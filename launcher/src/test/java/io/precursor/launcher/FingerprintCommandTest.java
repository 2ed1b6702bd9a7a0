package io.precursor.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FingerprintCommandTest {

  @Test
  void shouldFingerprintEachQueryOption() {
    Run run =
        run(
            "",
            "fingerprint",
            "--query",
            "SELECT * FROM orders WHERE id IN (1, 2, 3)",
            "--query",
            "UPDATE t SET a = 'x' WHERE id = 5");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo("select * from orders where id in(?+)\nupdate t set a = ? where id = ?\n");
  }

  @Test
  void shouldReadOneStatementPerLineFromStdinWithoutItsSemicolon() {
    Run run = run("SELECT 1;\n\nselect   2\r\nINSERT INTO t VALUES (1), (2);\n", "fingerprint");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("select ?\nselect ?\ninsert into t values(?+)\n");
  }

  @Test
  void shouldPrintPtQueryDigestsQueryIdWithId() {
    Run run = run("SELECT * FROM orders WHERE id = 1\n", "fingerprint", "--id");

    // pt-query-digest 3.2.1 reports this class as 0x9C05EA5686390AEB296E90D8F864A512
    assertThat(run.out())
        .isEqualTo("0x9C05EA5686390AEB296E90D8F864A512 select * from orders where id = ?\n");
  }

  @Test
  void shouldReadASqlFileAsPtFingerprintDoesWithASeparator(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("statements.sql");
    Files.write(file, resource("fingerprint/statements.sql"));

    Run fromFile = run("", "fingerprint", "--separator", ";", file.toString());
    Run fromStdin =
        run(
            new String(resource("fingerprint/statements.sql"), UTF_8),
            "fingerprint",
            "--separator",
            ";");

    // What pt-fingerprint 3.2.1 printed for the same file (pt-fingerprint statements.sql).
    String expected = new String(resource("fingerprint/statements.pt-fingerprint.txt"), UTF_8);
    assertThat(fromFile.exit()).isZero();
    assertThat(fromFile.out()).isEqualTo(expected);
    assertThat(fromStdin.out()).isEqualTo(expected);
  }

  @Test
  void shouldEndTheLastStatementAtTheSeparatorWithoutANewline() {
    Run run = run("SELECT 1;\nSELECT\n  2;", "fingerprint", "--separator", ";");

    assertThat(run.out()).isEqualTo("select ?\nselect ?\n");
  }

  @Test
  void shouldExplainItselfWithHelp() {
    Run run = run("", "fingerprint", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("Usage: precursor fingerprint", "--query", "--separator", "--id");
  }

  static byte[] resource(String path) {
    try (InputStream in = FingerprintCommandTest.class.getResourceAsStream("/" + path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  record Run(int exit, String out, String err) {}

  /** Runs the command line as main does, with {@code stdin} as standard input. */
  static Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        Precursor.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    InputStream in = new ByteArrayInputStream(stdin.getBytes(UTF_8));
    ((FingerprintCommand) cli.getSubcommands().get("fingerprint").getCommand()).stdin = in;
    ((DigestCommand) cli.getSubcommands().get("digest").getCommand()).stdin = in;
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
