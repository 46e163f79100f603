package org.carrierrules.dsl;

import java.util.Set;

/**
 * A part of the library that runs some rule files in sessions of its own (受理审查, 跟踪管理), and the
 * globals those sessions set. A sentence or message slot that needs any other global could not run
 * there, so safe mode refuses it in that stage's files.
 *
 * @param name    the stage as staff know it, with its folders, e.g. {@code 跟踪管理（rules/revocation/）}
 * @param globals the globals of the vocabulary's header that the stage sets, e.g. {@code grounds}
 */
public record Stage(String name, Set<String> globals) {
    public Stage {
        globals = Set.copyOf(globals);
    }
}
