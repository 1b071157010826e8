package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizeLimitsTest {
    @Test
    void lambdasLimitsAreFiftyAndTwoHundredFiftyMegabytes() {
        SizeLimits limits = SizeLimits.lambda();
        assertThatCode(() -> limits.checkZipped(50 * SizeLimits.MB)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.checkZipped(50 * SizeLimits.MB + 1))
                .isInstanceOf(PackageException.class)
                .hasMessage("package refused: zip size 50.0 MB exceeds Lambda's 50.0 MB limit for a directly"
                        + " uploaded zip");
        assertThatCode(() -> limits.checkUnzipped(250 * SizeLimits.MB)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.checkUnzipped(300 * SizeLimits.MB))
                .isInstanceOf(PackageException.class)
                .hasMessage("package refused: unzipped size 300.0 MB exceeds Lambda's 250.0 MB limit for unzipped"
                        + " deployment packages");
    }
}
