package io.precursor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KinesisLocalInstallationTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty(KinesisLocalInstallation.PROPERTY);
  }

  @Test
  void shouldFindTheInstallationTheBuildMade() {
    KinesisLocalInstallation installation = KinesisLocalInstallation.find();

    assertThat(installation.main()).isRegularFile().hasFileName("main.js");
    assertThat(installation.certificate()).isRegularFile();
    assertThat(installation.loopbackShim()).isRegularFile();
  }

  @Test
  void shouldSayHowToInstallItWhenTheFolderHoldsNoPackage(@TempDir Path empty) {
    System.setProperty(KinesisLocalInstallation.PROPERTY, empty.toString());

    assertThatThrownBy(KinesisLocalInstallation::find)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kinesis-local is not installed")
        .hasMessageContaining(empty.resolve("node_modules/kinesis-local/main.js").toString())
        .hasMessageContaining("npm ci");
  }
}
