package io.precursor.ingest.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSourceTest {

  @Test
  void shouldTakeTheInstanceFromTheStreamOfAnAuroraClusterLogGroup() {
    LogSource source =
        LogSource.of("/aws/rds/cluster/orders-prod/slowquery", "orders-prod-instance-1");

    assertThat(source)
        .isEqualTo(
            new LogSource(
                LogType.SLOW_QUERY,
                "/aws/rds/cluster/orders-prod/slowquery",
                "orders-prod",
                "orders-prod-instance-1",
                null));
  }

  @Test
  void shouldTakeTheInstanceFromTheGroupOfAnRdsInstanceLogGroup() {
    LogSource source =
        LogSource.of("/aws/rds/instance/billing-db/error", "mysql-error-running.log");

    assertThat(source.type()).isEqualTo(LogType.ERROR);
    assertThat(source.cluster()).isNull();
    assertThat(source.instance()).isEqualTo("billing-db");
    assertThat(source.hasInstance()).isTrue();
  }

  @Test
  void shouldRecogniseGeneralAndAuditLogs() {
    assertThat(LogSource.of("/aws/rds/cluster/c/general", "i").type()).isEqualTo(LogType.GENERAL);
    assertThat(LogSource.of("/aws/rds/cluster/c/audit", "i").type()).isEqualTo(LogType.AUDIT);
    assertThat(LogSource.of("/aws/rds/instance/i/audit", "i").type()).isEqualTo(LogType.AUDIT);
  }

  @Test
  void shouldCallAnotherLogTypeOtherButKeepItsInstance() {
    LogSource source =
        LogSource.of("/aws/rds/cluster/orders-prod/iam-db-auth-error", "orders-prod-1");

    assertThat(source.type()).isEqualTo(LogType.OTHER);
    assertThat(source.reason()).contains("'iam-db-auth-error'");
    assertThat(source.cluster()).isEqualTo("orders-prod");
    assertThat(source.instance()).isEqualTo("orders-prod-1");
  }

  @Test
  void shouldCallAnUnknownLogGroupOtherWithAReason() {
    LogSource source = LogSource.of("/aws/lambda/precursor", "2026/11/17/[$LATEST]abc");

    assertThat(source.type()).isEqualTo(LogType.OTHER);
    assertThat(source.hasInstance()).isFalse();
    assertThat(source.reason())
        .isEqualTo(
            "log group '/aws/lambda/precursor' is neither /aws/rds/cluster/<cluster>/<type>"
                + " nor /aws/rds/instance/<instance>/<type>");
  }

  @Test
  void shouldCallAClusterGroupWithoutTypeOther() {
    assertThat(LogSource.of("/aws/rds/cluster/orders-prod", "i").type()).isEqualTo(LogType.OTHER);
    assertThat(LogSource.of("/aws/rds/cluster//slowquery", "i").type()).isEqualTo(LogType.OTHER);
    assertThat(LogSource.of("/aws/rds/instance/a/b/slowquery", "i").type())
        .isEqualTo(LogType.OTHER);
  }

  @Test
  void shouldCallAClusterGroupWithoutStreamOther() {
    LogSource source = LogSource.of("/aws/rds/cluster/orders-prod/slowquery", "");

    assertThat(source.type()).isEqualTo(LogType.OTHER);
    assertThat(source.reason()).contains("log stream is empty");
  }
}
