package org.tradegateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpRangeTest {

    private static byte[] ip(String text) throws Exception {
        return InetAddress.getByName(text).getAddress();
    }

    @Test
    void shouldMatchIpv4AndIpv6Ranges() throws Exception {
        assertTrue(IpRange.parse("192.0.2.0/24").contains(ip("192.0.2.77")));
        assertFalse(IpRange.parse("192.0.2.0/24").contains(ip("192.0.3.1")));
        assertTrue(IpRange.parse("10.0.0.0/9").contains(ip("10.127.255.255")));
        assertFalse(IpRange.parse("10.0.0.0/9").contains(ip("10.128.0.0")));
        assertTrue(IpRange.parse("2001:db8::/32").contains(ip("2001:db8:ffff::1")));
        assertFalse(IpRange.parse("2001:db8::/32").contains(ip("2001:db9::1")));
        assertFalse(IpRange.parse("2001:db8::/32").contains(ip("192.0.2.1")));
        assertTrue(IpRange.parse("198.51.100.7").contains(ip("198.51.100.7")));
    }

    @Test
    void shouldRefuseWhatIsNotARange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpRange.parse("example.org"));
        assertEquals("'example.org' is not an IP address or CIDR range", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
    }
}
