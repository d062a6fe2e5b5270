package io.trailhound.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}, from the jar manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {

  static String current() {
    String v = Trailhound.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"trailhound " + current()};
  }
}
