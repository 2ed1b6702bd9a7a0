package io.precursor.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.precursor.ingest.digest.QueryId;
import io.precursor.ingest.slowlog.QueryFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the pt-query-digest fingerprint of SQL statements, as pt-fingerprint does. */
@Command(
    name = "fingerprint",
    mixinStandardHelpOptions = true,
    description =
        "Prints the fingerprint of each statement, as pt-fingerprint and pt-query-digest group"
            + " queries: literals replaced by ?, IN and VALUES lists collapsed, comments and"
            + " white space removed, lower case. The same fingerprint as the pipeline's.")
final class FingerprintCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--query",
      paramLabel = "SQL",
      description =
          "A statement to fingerprint; repeat for more. Files and stdin are then not read.")
  List<String> queries = List.of();

  @Option(
      names = "--separator",
      paramLabel = "SEP",
      description =
          "Statements end where SEP ends a line and may span lines, e.g. ';' for a SQL file"
              + " (pt-fingerprint's way). Default: one statement per line.")
  String separator;

  @Option(names = "--id", description = "Print pt-query-digest's Query ID before each fingerprint.")
  boolean withId;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Files of statements; none or '-' reads standard input.")
  List<Path> files = List.of();

  /** Standard input; tests put theirs here. */
  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!queries.isEmpty()) {
      queries.forEach(query -> print(query, out));
    } else if (files.isEmpty()) {
      read(new InputStreamReader(stdin, UTF_8), out);
    } else {
      for (Path file : files) {
        if (file.toString().equals("-")) {
          read(new InputStreamReader(stdin, UTF_8), out);
        } else {
          // A decoder that replaces bad bytes, as the pipeline receives them from CloudWatch.
          try (Reader reader = new InputStreamReader(Files.newInputStream(file), UTF_8)) {
            read(reader, out);
          }
        }
      }
    }
    out.flush();
    return 0;
  }

  private void read(Reader in, PrintWriter out) throws IOException {
    if (separator == null) {
      StatementSplitter.lines(in, statement -> print(statement, out));
    } else {
      StatementSplitter.separated(in, separator, statement -> print(statement, out));
    }
  }

  private void print(String statement, PrintWriter out) {
    String fingerprint = QueryFingerprint.of(statement).text();
    if (withId) {
      out.print(QueryId.of(fingerprint));
      out.print(' ');
    }
    out.println(fingerprint);
  }
}
