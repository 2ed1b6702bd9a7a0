package io.precursor.scenarios;

import java.util.Map;
import java.util.TreeMap;

/**
 * One file of a written scenario: its path relative to the scenario directory, the AWS CLI command
 * whose output it is, and what a reader needs besides (e.g. the queries file of a metric export).
 */
public record ScenarioFile(String path, String format, Map<String, String> details) {

  public static final String KINESIS_GET_RECORDS = "aws kinesis get-records";
  public static final String FILTER_LOG_EVENTS = "aws logs filter-log-events";
  public static final String METRIC_DATA_QUERIES =
      "aws cloudwatch get-metric-data --metric-data-queries";
  public static final String GET_METRIC_DATA = "aws cloudwatch get-metric-data";
  public static final String DESCRIBE_EVENTS = "aws rds describe-events";

  public ScenarioFile {
    details = Map.copyOf(new TreeMap<>(details));
  }
}
