package io.precursor.launcher;

import io.precursor.ingest.digest.DigestJsonReport;
import io.precursor.ingest.digest.DigestReport;
import io.precursor.ingest.digest.DigestTextReport;
import io.precursor.ingest.digest.DigestedFile;
import io.precursor.ingest.digest.SlowLogDigest;
import io.precursor.ingest.digest.SlowLogDigester;
import io.precursor.ingest.digest.SlowLogFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Summarises slow query logs by query class, as pt-query-digest does. */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description =
        "Groups the entries of slow query logs by fingerprint, as pt-query-digest does, and ranks"
            + " the classes by total Query_time: count, Query_time and Lock_time (total, avg,"
            + " p95, max), rows sent and examined, first and last seen, databases, tables. Reads"
            + " MySQL slow logs and 'aws logs filter-log-events' JSON exports (gzipped or not),"
            + " told apart by content, as a stream: files of any size.")
final class DigestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Slow logs or CloudWatch Logs exports; '-' reads standard input.")
  List<Path> files;

  @Option(names = "--json", description = "Write one JSON document, for tools.")
  boolean json;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "20",
      description =
          "Query classes to report, by total Query_time; 0 for all (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--no-examples",
      description =
          "Leave out each class's slowest statement, whose literals may be personal data.")
  boolean noExamples;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads that parse and fingerprint (default: the number of processors).")
  Integer threads;

  /** Standard input; tests put theirs here. */
  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    if (top < 0) {
      throw new ParameterException(spec.commandLine(), "--top must be 0 (all) or more, was " + top);
    }
    int parsers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (parsers < 1) {
      throw new ParameterException(
          spec.commandLine(), "--threads must be at least 1, was " + parsers);
    }
    SlowLogDigest digest = new SlowLogDigest();
    List<DigestedFile> read = new ArrayList<>();
    try (SlowLogDigester digester = new SlowLogDigester(digest, parsers)) {
      for (Path file : files) {
        try {
          read.add(new DigestedFile(file.toString(), readOne(digester, file)));
        } catch (IOException e) {
          spec.commandLine()
              .getErr()
              .printf("precursor digest: cannot read %s: %s%n", file, describe(e));
          return 1;
        }
      }
    }
    DigestReport report = digest.report(top);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      DigestJsonReport.write(report, read, !noExamples, out);
    } else {
      DigestTextReport.write(report, read, !noExamples, out);
    }
    return 0;
  }

  private SlowLogFile.Format readOne(SlowLogDigester digester, Path file) throws IOException {
    if (!file.toString().equals("-")) {
      return digester.read(file);
    }
    SlowLogFile.Format format = SlowLogFile.read(stdin, "-", digester::add);
    digester.flush();
    return format;
  }

  private static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
  }
}
