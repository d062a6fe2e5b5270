package io.trailhound.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailhound.event.Resource;
import io.trailhound.finding.Finding;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Findings read back from {@code findings}, as the scan that stored them produced them (without the
 * sample events, which the store keeps as events instead).
 */
public final class StoredFindings {

  private static final JsonFactory JSON = new JsonFactory();

  private final Connection connection;

  StoredFindings(Connection connection) {
    this.connection = connection;
  }

  /** The finding with this id, if stored. */
  public Optional<Finding> byId(String findingId) {
    List<Finding> found = read("WHERE finding_id = ?", findingId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every stored finding, earliest first. */
  public List<Finding> all() {
    return read("", null);
  }

  /** Number of stored findings. */
  public long count() {
    try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM findings");
        ResultSet r = ps.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("counting findings failed: " + EventStore.message(e), e);
    }
  }

  private List<Finding> read(String where, String param) {
    List<Finding> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT finding_id, dedup_key, rule_id, rule_name, title, description, severity, types,"
                + " techniques, tactics, rule_origin, account, region, actor, actor_type,"
                + " access_key_ids, source_ips, resources, first_seen, last_seen, event_count,"
                + " evidence, explanation FROM findings "
                + where
                + " ORDER BY first_seen, finding_id")) {
      if (param != null) {
        ps.setString(1, param);
      }
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          RuleInfo rule =
              new RuleInfo(
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  Severity.parse(r.getString(7)),
                  strings(r.getArray(8)),
                  strings(r.getArray(9)),
                  strings(r.getArray(10)),
                  r.getString(11));
          out.add(
              new Finding(
                  r.getString(1),
                  r.getString(2),
                  rule,
                  r.getString(12),
                  r.getString(13),
                  r.getString(14),
                  r.getString(15),
                  strings(r.getArray(16)),
                  strings(r.getArray(17)),
                  resources(r.getString(18)),
                  Sql.instant(r.getObject(19)),
                  Sql.instant(r.getObject(20)),
                  r.getLong(21),
                  strings(r.getArray(22)),
                  List.of(),
                  r.getString(23)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading findings failed: " + EventStore.message(e), e);
    }
    return out;
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) array.getArray()) {
      if (o != null) {
        out.add(o.toString());
      }
    }
    return out;
  }

  /** Reads the {@code [{"arn":…,"type":…,"account":…}]} the store wrote. */
  private static List<Resource> resources(String json) {
    if (json == null) {
      return List.of();
    }
    List<Resource> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return List.of();
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String arn = null;
        String type = null;
        String account = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          String value = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getValueAsString();
          switch (name) {
            case "arn" -> arn = value;
            case "type" -> type = value;
            case "account" -> account = value;
            default -> p.skipChildren();
          }
        }
        out.add(new Resource(arn, type, account));
      }
    } catch (IOException e) {
      throw new StoreException("stored finding resources are not JSON: " + e.getMessage(), e);
    }
    return out;
  }
}
