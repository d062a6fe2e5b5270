package io.trailhound.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes {@code scans} rows. */
final class ScanRecords {

  private ScanRecords() {}

  static void save(Connection c, ScanRecord scan) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO scans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, scan.scanId());
      ps.setObject(2, Sql.timestamp(scan.startedAt()));
      ps.setObject(3, Sql.timestamp(scan.finishedAt()));
      ps.setString(4, scan.trailhound());
      ps.setArray(5, c.createArrayOf("VARCHAR", scan.inputs().toArray()));
      ps.setLong(6, scan.eventsRead());
      ps.setLong(7, scan.eventsStored());
      ps.setLong(8, scan.eventsAlreadyStored());
      ps.setLong(9, scan.findings());
      ps.executeUpdate();
    }
  }
}
