package org.explainers.pipeline;

/**
 * {@link Main} from a shell (the benchmark, the tests' child processes): the same commands,
 * with an exit code instead of an exception.
 */
public final class Shell {

    private Shell() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Main.main(args);
        } catch (Main.Failed e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }
}
