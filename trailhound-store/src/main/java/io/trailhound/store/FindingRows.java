package io.trailhound.store;

import io.trailhound.finding.Finding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Writes findings to {@code findings}: a later scan's version of a finding id replaces it. */
final class FindingRows {

  private FindingRows() {}

  static void save(Connection c, String scanId, List<Finding> findings) throws SQLException {
    if (findings.isEmpty()) {
      return;
    }
    c.setAutoCommit(false);
    try (PreparedStatement delete =
            c.prepareStatement("DELETE FROM findings WHERE finding_id = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?)")) {
      for (Finding f : findings) {
        delete.setString(1, f.id());
        delete.addBatch();
        int i = 1;
        insert.setString(i++, f.id());
        insert.setString(i++, scanId);
        insert.setString(i++, f.dedupKey());
        insert.setString(i++, f.rule().ruleId());
        insert.setString(i++, f.rule().name());
        insert.setString(i++, f.rule().title());
        insert.setString(i++, f.rule().description());
        insert.setString(i++, f.severity().label());
        insert.setArray(i++, array(c, f.rule().types()));
        insert.setArray(i++, array(c, f.rule().techniques()));
        insert.setArray(i++, array(c, f.rule().tactics()));
        insert.setString(i++, f.rule().origin());
        insert.setString(i++, f.account());
        insert.setString(i++, f.region());
        insert.setString(i++, f.actor());
        insert.setString(i++, f.actorType());
        insert.setArray(i++, array(c, f.accessKeyIds()));
        insert.setArray(i++, array(c, f.sourceIps()));
        insert.setString(i++, EventRow.resourcesJson(f.resources()));
        insert.setObject(i++, Sql.timestamp(f.firstSeen()));
        insert.setObject(i++, Sql.timestamp(f.lastSeen()));
        insert.setLong(i++, f.eventCount());
        insert.setArray(i++, array(c, f.evidence()));
        insert.setBoolean(i++, f.evidenceTruncated());
        insert.setString(i, f.explanation());
        insert.addBatch();
      }
      delete.executeBatch();
      insert.executeBatch();
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static java.sql.Array array(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("VARCHAR", values.toArray());
  }
}
