package io.precursor.ingest.logs;

/** Which MySQL log a CloudWatch Logs log group carries. */
public enum LogType {
  SLOW_QUERY,
  ERROR,
  GENERAL,
  AUDIT,
  /** Anything else: other export types, other engines, log groups not shaped like RDS ones. */
  OTHER
}
