package io.precursor.ingest.errorlog;

import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.logs.LogSource;
import io.precursor.schemas.DeadlockDumpEnd;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.ErrorLogKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the log events of one error log stream, fed in arrival order, into {@link ErrorLogEntry}
 * records: one per timestamped line, with the lines without a timestamp that follow it in the same
 * event, and one per InnoDB deadlock dump however many events the dump spans.
 *
 * <p>An ordinary entry ends with its event. A deadlock dump is held across events until its {@code
 * *** WE ROLL BACK TRANSACTION (N)} line (ROLLED_BACK), until a line that is not part of a dump
 * arrives (INTERRUPTED), until {@link #flush()} (FLUSHED), or until it exceeds the {@link
 * DumpLimits} (CUT; the lines after that become entries of their own). A dump's entry takes the
 * event id of the event its first line came in. Pure: no clock, no I/O.
 */
public final class ErrorLogAssembler {

  private final LogSource source;
  private final int maxMessageChars;
  private final DumpLimits limits;
  private DeadlockDump heldDump;

  /**
   * An assembler for the stream {@code source} names.
   *
   * @throws IllegalArgumentException when the source names no DB instance to key the records by
   */
  public ErrorLogAssembler(LogSource source, int maxMessageChars, DumpLimits limits) {
    if (!source.hasInstance()) {
      throw new IllegalArgumentException(
          "log group " + source.logGroup() + " names no DB instance");
    }
    if (maxMessageChars <= 0) {
      throw new IllegalArgumentException(
          "maxMessageChars must be positive, was " + maxMessageChars);
    }
    this.source = source;
    this.maxMessageChars = maxMessageChars;
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** The entries that {@code event}, the next event of the stream, completes. */
  public List<ErrorLogEntry> accept(LogEvent event) {
    List<ErrorLogEntry> entries = new ArrayList<>();
    EntryInProgress current = heldDump;
    heldDump = null;
    int position = 0;
    for (String line : event.message().split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      Optional<ErrorLogLine> header = ErrorLogLine.parse(line);
      if (current instanceof DeadlockDump dump) {
        if (header.isEmpty() || DeadlockDump.continues(header.get())) {
          header.ifPresentOrElse(dump::add, () -> dump.add(line.stripTrailing()));
          current = emitIfEnded(dump, entries);
          continue;
        }
        entries.add(dump.toEntry(DeadlockDumpEnd.INTERRUPTED));
      } else if (current != null) {
        if (header.isEmpty() && !opensMonitorSection(line)) {
          current.add(line.stripTrailing());
          continue;
        }
        entries.add(current.toEntry());
      }
      current = start(header, line, event, position++);
      if (current instanceof DeadlockDump dump) {
        current = emitIfEnded(dump, entries);
      }
    }
    if (current instanceof DeadlockDump dump) {
      heldDump = dump;
    } else if (current != null) {
      entries.add(current.toEntry());
    }
    return entries;
  }

  /** Whether a deadlock dump is waiting for its next lines. */
  public boolean holdsDump() {
    return heldDump != null;
  }

  /** The held deadlock dump as far as it was read (marked FLUSHED), if there is one. */
  public List<ErrorLogEntry> flush() {
    if (heldDump == null) {
      return List.of();
    }
    ErrorLogEntry entry = heldDump.toEntry(DeadlockDumpEnd.FLUSHED);
    heldDump = null;
    return List.of(entry);
  }

  private DeadlockDump emitIfEnded(DeadlockDump dump, List<ErrorLogEntry> entries) {
    if (dump.isFinished()) {
      entries.add(dump.toEntry(DeadlockDumpEnd.ROLLED_BACK));
      return null;
    }
    if (dump.exceeds(limits)) {
      entries.add(dump.toEntry(DeadlockDumpEnd.CUT));
      return null;
    }
    return dump;
  }

  private EntryInProgress start(
      Optional<ErrorLogLine> header, String line, LogEvent event, int position) {
    ErrorLogLine parsed =
        header.orElseGet(() -> new ErrorLogLine(null, null, null, null, line.strip()));
    ErrorLogKind kind = ErrorLogClassifier.kindOf(parsed.errorCode(), parsed.message());
    ErrorLogEntry.Builder builder =
        ErrorLogEntry.newBuilder()
            .setInstance(source.instance())
            .setCluster(source.cluster())
            .setLogGroup(source.logGroup())
            .setEventId(event.entryId(position))
            .setEventTime(parsed.time() != null ? parsed.time() : event.time())
            .setKind(kind)
            .setLabel(parsed.label())
            .setErrorCode(parsed.errorCode())
            .setSubsystem(parsed.subsystem());
    if (kind == ErrorLogKind.DEADLOCK) {
      return new DeadlockDump(builder, parsed.message(), maxMessageChars, parsed.time() == null);
    }
    EntryInProgress entry = new EntryInProgress(builder, maxMessageChars);
    entry.add(parsed.message());
    return entry;
  }

  /** The InnoDB monitor's deadlock section starts a dump even inside the monitor's printout. */
  private static boolean opensMonitorSection(String line) {
    return line.strip().equals(DeadlockDump.MONITOR_SECTION);
  }
}
