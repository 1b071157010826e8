package dev.coldbrew.runtime.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.runtime.InitException;
import org.junit.jupiter.api.Test;

class HandlerNameTest {
    @Test
    void parsesClassAndClassWithMethodSplittingAtTheLastSeparator() throws Exception {
        assertThat(HandlerName.parse("com.example.Fn")).isEqualTo(new HandlerName("com.example.Fn", null));
        assertThat(HandlerName.parse("com.example.Fn::handleRequest"))
                .isEqualTo(new HandlerName("com.example.Fn", "handleRequest"));
        assertThat(HandlerName.parse("com.example.Outer$Inner::run"))
                .isEqualTo(new HandlerName("com.example.Outer$Inner", "run"));
        assertThat(HandlerName.parse("Fn")).hasToString("Fn");
    }

    @Test
    void rejectsMalformedValuesNamingThem() {
        for (String bad :
                new String[] {"com..Fn", "com.Fn::", "::m", "com.Fn::a::b", "9com.Fn", "com.Fn:m", "com Fn"}) {
            assertThatThrownBy(() -> HandlerName.parse(bad))
                    .isInstanceOf(InitException.class)
                    .hasMessage("_HANDLER is '" + bad + "': expected package.Class or package.Class::method");
        }
        assertThatThrownBy(() -> HandlerName.parse(" ")).hasMessageStartingWith("_HANDLER is not set");
    }
}
