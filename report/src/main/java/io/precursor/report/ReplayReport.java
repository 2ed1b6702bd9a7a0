package io.precursor.report;

import java.util.List;
import java.util.Map;

/**
 * What a replay saw and found, per instance: the data of the HTML report and of {@code
 * report.json}. Times are epoch milliseconds (UTC).
 *
 * @param run the replay's run id
 * @param from the window's start (the requested one, or the earliest record read)
 * @param to the window's end (the requested one, or just after the latest record read)
 * @param scope the cluster or instance the replay was limited to, or {@code null}
 * @param records how many records of each kind the replay read
 * @param instances every instance that had data, a precursor or an incident
 */
public record ReplayReport(
    String run,
    long from,
    long to,
    String scope,
    Map<String, Long> records,
    List<InstanceReport> instances) {

  /** Instances with at least one precursor or incident, the ones the report opens first. */
  public List<InstanceReport> eventful() {
    return instances.stream().filter(InstanceReport::eventful).toList();
  }
}
