package io.precursor.launcher;

import io.precursor.ingest.IngestCounters;
import java.io.PrintStream;
import java.util.List;

/**
 * What a replay read: the ingest counts, what could not be read, and notes of the source (e.g. the
 * AWS calls made and how many were throttled).
 */
record ReplayInput(IngestCounters counters, UnreadableInput unreadable, List<String> notes) {

  void print(PrintStream out) {
    out.println("ingested " + counters);
    notes.forEach(note -> out.println("  " + note));
    unreadable.print(out);
  }
}
