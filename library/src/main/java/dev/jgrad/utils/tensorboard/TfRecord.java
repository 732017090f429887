package dev.jgrad.utils.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, the container of TensorBoard's event files: each record is its length (uint64,
 * little-endian), the masked CRC32C of those 8 bytes (uint32), the data, and the masked CRC32C of the
 * data (uint32).
 */
final class TfRecord {
    private TfRecord() {}

    /** TensorFlow's masked CRC32C: the checksum rotated right by 15 bits plus a constant, so that CRCs of CRCs stay strong. */
    static int maskedCrc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        int x = (int) crc.getValue();
        return ((x >>> 15) | (x << 17)) + 0xA282EAD8;
    }

    /** Writes one record holding data. */
    static void write(OutputStream out, byte[] data) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(data.length);
        header.putInt(maskedCrc32c(header.array(), 0, 8));
        ByteBuffer footer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(maskedCrc32c(data, 0, data.length));
        out.write(header.array());
        out.write(data);
        out.write(footer.array());
    }
}
