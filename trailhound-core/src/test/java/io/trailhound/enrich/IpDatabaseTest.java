package io.trailhound.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpDatabaseTest {

  private static Path resource(String name) {
    try {
      return Path.of(IpDatabaseTest.class.getResource("/geoip/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_folder_of_country_and_asn_files_answers_both_for_ipv4_and_ipv6() {
    IpDatabase db = IpDatabase.load(List.of(resource("db")));

    assertThat(db.lookup("192.0.2.10")).isEqualTo(new IpInfo("NL", 64496, "Example Hosting B.V."));
    assertThat(db.lookup("198.51.100.200")).isEqualTo(new IpInfo("US", 0, null));
    assertThat(db.lookup("198.51.100.1").asOrg()).isEqualTo("Documentation Networks, Inc.");
    assertThat(db.lookup("203.0.113.200"))
        .isEqualTo(new IpInfo(null, 64498, "The \"Quoted\" Carrier"));
    assertThat(db.lookup("2001:db8::1")).isEqualTo(new IpInfo("JP", 64499, "IPv6 Example Transit"));
    assertThat(db.lookup("2001:db8:8000::1"))
        .isEqualTo(new IpInfo(null, 64499, "IPv6 Example Transit"));
    assertThat(db.lookup("::ffff:192.0.2.10").country()).isEqualTo("NL");
  }

  @Test
  void unknown_addresses_and_service_names_are_unknown() {
    IpDatabase db = IpDatabase.load(List.of(resource("db")));

    assertThat(db.lookup("8.8.8.8")).isEqualTo(IpInfo.UNKNOWN);
    assertThat(db.lookup("s3.amazonaws.com")).isEqualTo(IpInfo.UNKNOWN);
    assertThat(db.lookup("AWS Internal")).isEqualTo(IpInfo.UNKNOWN);
    assertThat(db.lookup(null)).isEqualTo(IpInfo.UNKNOWN);
  }

  @Test
  void a_folder_leaves_out_the_numeric_copies_and_reports_each_file() {
    GeoIpReport report = IpDatabase.load(List.of(resource("db"))).report();

    assertThat(report.enabled()).isTrue();
    assertThat(report.files())
        .extracting(
            f -> f.path().getFileName().toString(),
            GeoIpReport.File::kind,
            GeoIpReport.File::ranges)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("asn-country-ipv4.csv", "country", 3),
            org.assertj.core.groups.Tuple.tuple("asn-country-ipv6.csv", "country", 1),
            org.assertj.core.groups.Tuple.tuple("asn-ipv4.csv", "asn", 3),
            org.assertj.core.groups.Tuple.tuple("asn-ipv6.csv", "asn", 1));
    assertThat(IpDatabase.load(List.of(resource("db/asn-country-ipv4-num.csv"))).report().files())
        .singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo("skipped"));
  }

  @Test
  void bad_lines_overlaps_and_disorder_are_counted_not_fatal() {
    IpDatabase db = IpDatabase.load(List.of(resource("messy/country.csv")));
    GeoIpReport report = db.report();

    assertThat(report.badLines()).isEqualTo(5);
    assertThat(report.examples())
        .containsExactly(
            "country.csv:4: 'not-an-ip' is not an IP address",
            "country.csv:5: range end before its start or of another family",
            "country.csv:6: country 'Germany' is not a two-letter code",
            "country.csv:7: range end before its start or of another family",
            "country.csv:8: expected start,end,country");
    assertThat(report.overlapping()).isEqualTo(1);
    assertThat(report.unsorted()).isEqualTo(1);
    assertThat(db.lookup("10.0.0.7").country()).as("the narrower range answers").isEqualTo("BB");
    assertThat(db.lookup("10.0.1.7").country()).isEqualTo("AA");
    assertThat(db.lookup("9.1.1.1").country()).isEqualTo("CC");
  }

  @Test
  void a_missing_file_is_an_error_naming_it() {
    assertThatThrownBy(() -> IpDatabase.load(List.of(Path.of("/nonexistent/asn.csv"))))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("/nonexistent/asn.csv");
  }

  @Test
  void without_a_database_enrichment_knows_nothing() {
    assertThat(IpEnricher.NONE.lookup("192.0.2.10")).isEqualTo(IpInfo.UNKNOWN);
    assertThat(GeoIpReport.OFF.enabled()).isFalse();
  }
}
