import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A server for scripts/faults that accepts connections on 127.0.0.1 and never answers. Prints its
 * port, then stops by itself after the seconds given (default 120).
 */
public class SilentServer {
  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 120;
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      System.out.println(server.getLocalPort());
      System.out.flush();
      List<Socket> held = new ArrayList<>();
      Thread.ofVirtual().start(() -> {
        while (true) {
          try {
            held.add(server.accept());
          } catch (Exception e) {
            return;
          }
        }
      });
      Thread.sleep(seconds * 1000);
    }
  }
}
