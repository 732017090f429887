package dev.jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jgrad.Torch;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.junit.jupiter.api.Test;

/** What a notebook shows for a value: text for tensors, a decodable PNG of the right size for charts and images. */
class DisplaysTest {
    static BufferedImage decodePng(DisplayData data) throws Exception {
        String base64 = (String) data.getData(MIMEType.IMAGE_PNG);
        assertNotNull(base64, "no image/png");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    @Test
    void tensorIsItsPrintedText() {
        var t = Torch.arange(100.0);
        DisplayData data = Displays.of(t);
        assertEquals(t.toString(), data.getData(MIMEType.TEXT_PLAIN));
        assertFalse(data.hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    void stringsAreQuotedAsJShellShowsThem() {
        assertEquals("\"abc\"", Displays.of("abc").getData(MIMEType.TEXT_PLAIN));
        assertEquals("null", Displays.text(null));
    }

    @Test
    void chartIsAPngOfItsSize() throws Exception {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("sin").build();
        chart.addSeries("sin", new double[] {0, 1, 2}, new double[] {0, 0.84, 0.91});
        DisplayData data = Displays.of(chart);
        BufferedImage image = decodePng(data);
        assertEquals(320, image.getWidth());
        assertEquals(200, image.getHeight());
        assertEquals("<XYChart 320x200>", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void imageRoundTripsPixelForPixel() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x123456);
        BufferedImage back = decodePng(Displays.of(image));
        assertEquals(3, back.getWidth());
        assertEquals(0x123456, back.getRGB(1, 1) & 0xffffff);
        assertEquals(0, back.getRGB(0, 0) & 0xffffff);
    }
}
