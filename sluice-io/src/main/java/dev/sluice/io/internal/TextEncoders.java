package dev.sluice.io.internal;

import dev.sluice.io.Encoder;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/** Encoders for plain text. */
public final class TextEncoders {
  private TextEncoders() {}

  /** Each element as a line ended by LF; characters the charset cannot encode are an error. */
  public static Encoder<String> lines(OutputStream out, Charset charset) {
    Writer writer = writer(out, charset);
    return new Encoder<>() {
      @Override
      public void write(String item) throws java.io.IOException {
        writer.write(item);
        writer.write('\n');
      }

      @Override
      public void flush() throws java.io.IOException {
        writer.flush();
      }
    };
  }

  /** A buffered writer over {@code out} that reports unencodable characters. */
  public static Writer writer(OutputStream out, Charset charset) {
    return new BufferedWriter(
        new OutputStreamWriter(
            out,
            charset
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        1 << 14);
  }
}
