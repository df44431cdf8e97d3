package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class TimeCodesTest {

    @Test
    void readsEveryShapeOfTimeCode() {
        assertThat(TimeCodes.parse("01:02:03.500")).isEqualTo(3723.5);
        assertThat(TimeCodes.parse("00:00:04,799")).isEqualTo(4.799);
        assertThat(TimeCodes.parse("02:03.5")).isEqualTo(123.5);
        assertThat(TimeCodes.parse("1:42")).isEqualTo(102.0);
        assertThat(TimeCodes.parse("12.5")).isEqualTo(12.5);
        assertThat(TimeCodes.parse("15")).isEqualTo(15.0);
        assertThat(TimeCodes.parse(" 0.860 ")).isEqualTo(0.86);
        assertThat(TimeCodes.parse("100:00:00.000")).isEqualTo(360000.0);
    }

    @Test
    void rejectsWhatIsNotATimeCode() {
        assertThat(TimeCodes.parse(null)).isNull();
        assertThat(TimeCodes.parse("")).isNull();
        assertThat(TimeCodes.parse("soon")).isNull();
        assertThat(TimeCodes.parse("1:2:3:4")).isNull();
        assertThat(TimeCodes.parse("-5")).isNull();
        assertThat(TimeCodes.parse("00:00:")).isNull();
        assertThat(TimeCodes.parse("5.")).isNull();
        assertThat(TimeCodes.parse("1e3")).isNull();
    }

    @Test
    void readsJsonTimes() {
        assertThat(TimeCodes.ofJson(DoubleNode.valueOf(1.25))).isEqualTo(1.25);
        assertThat(TimeCodes.ofJson(IntNode.valueOf(15))).isEqualTo(15.0);
        assertThat(TimeCodes.ofJson(TextNode.valueOf("00:01:02.5"))).isEqualTo(62.5);
        assertThat(TimeCodes.ofJson(DoubleNode.valueOf(-0.5))).isNull();
        assertThat(TimeCodes.ofJson(BooleanNode.TRUE)).isNull();
        assertThat(TimeCodes.ofJson(NullNode.instance)).isNull();
        assertThat(TimeCodes.ofJson(null)).isNull();
    }

    @Test
    void nextLaterStarts() {
        double[] next = TimeCodes.nextLaterStarts(new double[] {0, 0, 5, 3, 5, 9});
        assertThat(next).containsExactly(5, 5, 9, 5, 9, Double.NaN);
    }
}
