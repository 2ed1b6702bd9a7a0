package io.precursor.launcher;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}, from the jar's manifest. */
final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Precursor.class.getPackage().getImplementationVersion();
    return new String[] {"precursor " + (version == null ? "(development build)" : version)};
  }
}
