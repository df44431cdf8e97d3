package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Classification only: every address here is an IP literal, so nothing is looked up or contacted. */
class AddressPolicyTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "127.0.0.1, loopback",
            "127.255.0.9, loopback",
            "::1, loopback",
            "10.0.0.1, private network",
            "10.255.255.255, private network",
            "172.16.0.1, private network",
            "172.31.255.255, private network",
            "192.168.1.1, private network",
            "169.254.169.254, cloud metadata service",
            "169.254.1.1, link-local",
            "fe80::1, link-local",
            "febf::1, link-local",
            "fd00:ec2::254, cloud metadata service",
            "fc00::1, private network (IPv6 unique local)",
            "fd12:3456::1, private network (IPv6 unique local)",
            "fec0::1, private network (IPv6 site-local)",
            "100.64.0.1, carrier-grade NAT",
            "100.127.255.255, carrier-grade NAT",
            "0.0.0.0, unspecified",
            "0.1.2.3, unspecified",
            "::, unspecified",
            "224.0.0.1, multicast",
            "239.255.255.250, multicast",
            "ff02::1, multicast",
            "240.0.0.1, reserved",
            "255.255.255.255, reserved",
            "::ffff:127.0.0.1, loopback",
            "::ffff:10.0.0.1, private network",
            "::ffff:169.254.169.254, cloud metadata service",
            "::ffff:0.0.0.0, unspecified",
            "::10.0.0.1, private network",
            "64:ff9b::a9fe:a9fe, cloud metadata service",
            "64:ff9b:1::1, private network (local-use NAT64)",
            "2002:c0a8:101::1, private network",
            "100::1, reserved IPv6 range",
    })
    void refusesLocalAndPrivateAddresses(String literal, String reason) {
        assertThat(AddressPolicy.refusalReason(ip(literal))).startsWith(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "203.0.113.10", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.1.1", "192.167.1.1", "223.255.255.254", "2001:4860:4860::8888", "2606:4700::1111",
            "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void allowsPublicAddresses(String literal) {
        assertThat(AddressPolicy.refusalReason(ip(literal))).isNull();
    }

    @Test
    void checksTheIpv4InsideAnIpv4MappedIpv6Address() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 10;
        mapped[15] = 1;
        // Unlike InetAddress.getByName, this keeps the IPv6 form, as an AAAA answer could.
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(AddressPolicy.refusalReason(address)).startsWith("private network");
        assertThat(AddressPolicy.format(address)).isEqualTo("::ffff:10.0.0.1");
    }

    @Test
    void oneRefusedAddressRefusesTheHost() throws UnknownHostException {
        AddressPolicy policy = AddressPolicy.publicOnly(host -> new InetAddress[] {ip("203.0.113.5"), ip("10.1.2.3")});

        AddressPolicy.Refusal refusal = policy.check("intranet.example.test");

        assertThat(refusal).isNotNull();
        assertThat(refusal.address()).isEqualTo(ip("10.1.2.3"));
        assertThat(refusal.describe()).isEqualTo("intranet.example.test is 10.1.2.3, private network");
    }

    @Test
    void allowsAHostWhoseAddressesAreAllPublic() throws UnknownHostException {
        AddressPolicy policy = AddressPolicy.publicOnly(host -> new InetAddress[] {ip("203.0.113.5"), ip("2001:db8::5")});

        assertThat(policy.check("feeds.example.test")).isNull();
    }

    @Test
    void describesLiteralsWithoutRepeatingThem() throws UnknownHostException {
        List<String> looked = new ArrayList<>();
        AddressPolicy policy = AddressPolicy.publicOnly(host -> {
            looked.add(host);
            return new InetAddress[] {ip(host)};
        });

        assertThat(policy.check("10.0.0.1").describe()).isEqualTo("10.0.0.1, private network");
        assertThat(policy.check("[fd00:ec2::254]").describe()).isEqualTo("fd00:ec2::254, cloud metadata service");
        assertThat(policy.check("[::1]").describe()).isEqualTo("::1, loopback");
        assertThat(looked).containsExactly("10.0.0.1", "fd00:ec2::254", "::1");
    }

    @Test
    void aNameThatDoesNotResolveIsAnUnknownHost() {
        AddressPolicy failing = AddressPolicy.publicOnly(host -> {
            throw new UnknownHostException(host);
        });
        AddressPolicy empty = AddressPolicy.publicOnly(host -> new InetAddress[0]);

        assertThatThrownBy(() -> failing.check("nowhere.example.test")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> empty.check("nowhere.example.test")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void allowAllNeitherResolvesNorRefuses() throws UnknownHostException {
        assertThat(AddressPolicy.allowAll().allowsAll()).isTrue();
        assertThat(AddressPolicy.allowAll().check("10.0.0.1")).isNull();
        assertThat(AddressPolicy.allowAll().check("no-such-host.invalid")).isNull();
        assertThat(AddressPolicy.publicOnly().allowsAll()).isFalse();
    }

    @Test
    void formatsIpv6Briefly() {
        assertThat(AddressPolicy.format(ip("fd00:ec2:0:0:0:0:0:254"))).isEqualTo("fd00:ec2::254");
        assertThat(AddressPolicy.format(ip("0:0:0:0:0:0:0:0"))).isEqualTo("::");
        assertThat(AddressPolicy.format(ip("fe80:0:0:0:0:0:0:1"))).isEqualTo("fe80::1");
        assertThat(AddressPolicy.format(ip("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
        assertThat(AddressPolicy.format(ip("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(AddressPolicy.format(ip("10.0.0.1"))).isEqualTo("10.0.0.1");
    }
}
