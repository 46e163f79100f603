package org.carrierrules.shadedcheck;

/**
 * Run with the library on the module path and this class on the class path: tries to use a public type of the
 * library's {@code internal} packages by reflection and prints {@code refused} when the module keeps it out, or
 * {@code reached} when it does not (which would mean module-info.java exports too much).
 */
public final class InternalProbe {
    private InternalProbe() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        Class<?> internal = Class.forName("org.carrierrules.internal.PolicyLoader");
        try {
            internal.getMethod("bundled", String.class).invoke(null, "luohu-2024");
            System.out.println("reached");
        } catch (IllegalAccessException e) {
            System.out.println("refused");
        }
    }
}
