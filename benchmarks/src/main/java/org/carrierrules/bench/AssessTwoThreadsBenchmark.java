package org.carrierrules.bench;

import org.openjdk.jmh.annotations.Threads;

/** {@link AssessBenchmark} on two threads sharing one facade: the target is 1.7 times one thread's throughput. */
@Threads(2)
public class AssessTwoThreadsBenchmark extends AssessBenchmark {
}
