package io.precursor.launcher;

import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestSink;
import io.precursor.ingest.files.ExportFileException;
import io.precursor.topics.Topics;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** A replay of AWS CLI exports laid out as {@code precursor simulate} writes them. */
record FileReplaySource(Path directory) implements ReplaySource {

  @Override
  public ReplayInput load(
      Settings settings, Topics topics, UnaryOperator<IngestSink> view, IngestCounters counters) {
    UnreadableInput unreadable = new UnreadableInput();
    try {
      ExportLoader.load(
          settings, topics, directory, sink -> unreadable.watching(view.apply(sink)), counters);
    } catch (ExportFileException e) {
      throw new ReplaySourceException(e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new ReplaySourceException(
          e.getFile() + (e.getReason() == null ? " does not exist" : " " + e.getReason()), e);
    } catch (IOException e) {
      throw new ReplaySourceException("cannot read " + directory + ": " + e, e);
    }
    return new ReplayInput(counters, unreadable, List.of());
  }

  @Override
  public String describe() {
    return "exports in " + directory;
  }
}
