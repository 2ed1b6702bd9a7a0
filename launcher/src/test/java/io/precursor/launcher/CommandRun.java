package io.precursor.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the precursor command line in-process and keeps what it printed. */
record CommandRun(int exitCode, String output) {

  static CommandRun of(String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit = Precursor.commandLine().execute(args);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    original.print(out); // keep it in the test report
    return new CommandRun(exit, out);
  }
}
