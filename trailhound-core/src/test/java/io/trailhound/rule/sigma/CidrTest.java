package io.trailhound.rule.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

  @Test
  void ipv4_network_contains_its_addresses_only() {
    Cidr net = Cidr.parse("192.168.0.0/16");
    assertThat(net.contains("192.168.255.255")).isTrue();
    assertThat(net.contains("192.169.0.0")).isFalse();
    assertThat(net.contains("192.168.1")).isFalse();
    assertThat(net.contains("192.168.1.256")).isFalse();
    assertThat(net.contains("::ffff:192.168.1.1")).isFalse();
  }

  @Test
  void zero_prefix_contains_every_address_of_its_family() {
    assertThat(Cidr.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
    assertThat(Cidr.parse("::/0").contains("2001:db8::1")).isTrue();
    assertThat(Cidr.parse("::/0").contains("8.8.8.8")).isFalse();
  }

  @Test
  void ipv6_accepts_compressed_full_and_embedded_ipv4_forms() {
    Cidr net = Cidr.parse("2001:db8::/32");
    assertThat(net.contains("2001:0db8:0000:0000:0000:0000:0000:0001")).isTrue();
    assertThat(net.contains("2001:db8::")).isTrue();
    assertThat(Cidr.parse("::ffff:0:0/96").contains("::ffff:10.0.0.1")).isTrue();
    assertThat(Cidr.parse("fe80::/10").contains("fe80::1%eth0")).isFalse();
    assertThat(net.contains("2001:db8:::1")).isFalse();
    assertThat(net.contains("1:2:3:4:5:6:7:8:9")).isFalse();
  }

  @Test
  void host_bits_of_the_network_are_ignored() {
    assertThat(Cidr.parse("10.1.2.3/8").contains("10.200.0.1")).isTrue();
  }

  @Test
  void invalid_networks_are_rejected_with_the_reason() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("/33");
    assertThatThrownBy(() -> Cidr.parse("10.0.0/8")).hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> Cidr.parse("host.example")).hasMessageContaining("not an IP");
  }
}
