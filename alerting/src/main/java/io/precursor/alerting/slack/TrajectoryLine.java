package io.precursor.alerting.slack;

import io.precursor.schemas.MetricPoint;
import io.precursor.schemas.MetricTrajectory;
import java.util.List;

/** A metric trajectory in one line of numbers: first → min / max → last, against the baseline. */
final class TrajectoryLine {

  private TrajectoryLine() {}

  /**
   * The line as escaped mrkdwn, e.g. "`FreeableMemory` 12.4 GiB → min 0.9 GiB / max … → 1.1 GiB".
   */
  static String render(MetricTrajectory trajectory) {
    String name = SlackText.code(trajectory.getMetric());
    List<MetricPoint> points = trajectory.getPoints();
    if (points.isEmpty()) {
      return "• " + name + " no datapoints";
    }
    double first = points.get(0).getValue();
    double last = points.get(points.size() - 1).getValue();
    double min = points.stream().mapToDouble(MetricPoint::getValue).min().orElse(first);
    double max = points.stream().mapToDouble(MetricPoint::getValue).max().orElse(first);
    Double baseline = trajectory.getBaseline();
    double magnitude = Math.max(Math.abs(min), Math.abs(max));
    if (baseline != null) {
      magnitude = Math.max(magnitude, Math.abs(baseline));
    }
    MetricUnit.Scale scale = MetricUnit.of(trajectory.getMetric()).scaleFor(magnitude);
    StringBuilder line =
        new StringBuilder("• ")
            .append(name)
            .append(' ')
            .append(scale.format(first))
            .append(" → min ")
            .append(scale.format(min))
            .append(" / max ")
            .append(scale.format(max))
            .append(" → ")
            .append(scale.format(last));
    if (baseline != null) {
      line.append(" (baseline ").append(scale.format(baseline)).append(')');
    }
    line.append(", ").append(points.size()).append(points.size() == 1 ? " point" : " points");
    return line.toString();
  }
}
