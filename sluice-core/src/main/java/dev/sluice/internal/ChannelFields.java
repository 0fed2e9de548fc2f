package dev.sluice.internal;

/**
 * The fields of {@link SpscChannel}, split by writer and padded apart so that the producer and the
 * consumer never write to the same cache line (HotSpot lays out superclass fields first).
 */
abstract class ChannelPadding {
  long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

/** Written by the producer only. */
abstract class ChannelProducerFields extends ChannelPadding {
  long producerTail;
  long producerHeadCache;
  volatile long tail;
}

abstract class ChannelPadding1 extends ChannelProducerFields {
  long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

/** Written by the consumer only. */
abstract class ChannelConsumerFields extends ChannelPadding1 {
  long consumerHead;
  long consumerTailCache;
  long consumerReturned;
  volatile long head;
}

/** The whole padded layout; {@link SpscChannel} extends it. */
abstract class ChannelFields extends ChannelConsumerFields {
  long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
}
