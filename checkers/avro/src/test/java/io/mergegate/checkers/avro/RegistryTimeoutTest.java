package io.mergegate.checkers.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.Severity;
import io.mergegate.core.spi.Facts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A registry that accepts the connection but never answers gives a clear, blocking finding. */
class RegistryTimeoutTest {

    @Test
    void silentRegistryTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            String url = "http://user:pw@127.0.0.1:" + silent.getLocalPort() + "/apis/ccompat/v7";
            Map<String, Object> config = Map.of("registry", Map.of("url", url, "timeout-seconds", 1));
            var ctx = TestContexts.of(Map.of(), Map.of("s/order.avsc", TestContexts.utf8(HistoryTest.V1)), null,
                    config, new Facts());
            long start = System.nanoTime();
            List<Finding> findings = new AvroChecker().check(ctx).stream()
                    .filter(f -> f.ruleId().equals(AvroRuleIds.REGISTRY_ERROR)).toList();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains("127.0.0.1:" + silent.getLocalPort(), "timed out")
                        .doesNotContain("user:pw");
            });
        }
    }
}
