package io.trailhound.detect.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IpAddressesTest {

  @Test
  void networks_are_the_ipv4_slash_24_and_the_ipv6_slash_48() {
    assertThat(IpAddresses.prefixText(IpAddresses.prefixKey("203.0.113.66")))
        .isEqualTo("203.0.113.0/24");
    assertThat(IpAddresses.prefixKey("203.0.113.1"))
        .isEqualTo(IpAddresses.prefixKey("203.0.113.250"));
    assertThat(IpAddresses.prefixText(IpAddresses.prefixKey("2001:db8:abcd:12::1")))
        .isEqualTo("2001:db8:abcd::/48");
    assertThat(IpAddresses.prefixKey("::ffff:192.0.2.1")).isNotEqualTo(IpAddresses.NONE);
  }

  @Test
  void service_names_and_garbage_are_not_addresses() {
    for (String s :
        new String[] {
          "lambda.amazonaws.com",
          "AWS Internal",
          "",
          "1.2.3",
          "1.2.3.4.5",
          "256.1.1.1",
          "1::2::3",
          "12345::",
          "::g",
          "1.2.3.4 ",
          "01.2.3.4444"
        }) {
      assertThat(IpAddresses.isAddress(s)).as(s).isFalse();
    }
  }

  @Test
  void private_addresses_are_recognised() {
    assertThat(IpAddresses.isPrivate("10.1.2.3")).isTrue();
    assertThat(IpAddresses.isPrivate("172.20.0.1")).isTrue();
    assertThat(IpAddresses.isPrivate("172.32.0.1")).isFalse();
    assertThat(IpAddresses.isPrivate("fd00::1")).isTrue();
    assertThat(IpAddresses.isPrivate("203.0.113.66")).isFalse();
  }

  @Test
  void aws_ranges_answer_membership_for_both_families() throws Exception {
    AwsIpRanges r = AwsIpRanges.load(Path.of("src/test/resources/baseline/ip-ranges-sample.json"));
    assertThat(r.size()).isEqualTo(3);
    assertThat(r.contains("192.0.2.255")).isTrue();
    assertThat(r.contains("198.51.101.0")).isFalse();
    assertThat(r.contains("2001:db8:1fff::1")).isTrue();
    assertThat(r.contains("2001:db8:2000::1")).isFalse();
    assertThat(r.contains("lambda.amazonaws.com")).isFalse();
  }

  @Test
  void user_agents_reduce_to_families() {
    assertThat(UserAgents.family("aws-cli/2.15.30 md/awscrt#0.19.19")).isEqualTo("aws-cli/2.x");
    assertThat(UserAgents.family("Boto3/1.34.0 md/Botocore#1.34.0")).isEqualTo("Boto3");
    assertThat(UserAgents.family("signin.amazonaws.com")).isEqualTo("console");
    assertThat(UserAgents.family("Mozilla/5.0 (X11)")).isEqualTo("browser");
    assertThat(UserAgents.family("aws-sdk-go-v2/1.21.0 os/linux")).isEqualTo("aws-sdk-go-v2");
  }
}
