package org.xuke.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** asadmin of a Payara installation, signed in with a password file when one is given. */
record Asadmin(Path payaraHome, Path passwordFile) {

    /** Runs one command; fails with its output on a non-zero exit. */
    String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(payaraHome.resolve("bin/asadmin").toString());
        command.add("--interactive=false");
        if (passwordFile != null) {
            command.addAll(List.of("--user", PayaraServer.ADMIN_USER, "--passwordfile", passwordFile.toString()));
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putIfAbsent("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("asadmin " + arguments[0] + " failed:\n" + output.strip());
        }
        return output;
    }

    /** Several commands in one session (multimode); fails on the first that failed (multimode exits 0). */
    String multimode(Path file, List<String> commands) throws IOException, InterruptedException {
        Files.write(file, commands, StandardCharsets.UTF_8);
        String output = run("multimode", "--file", file.toString());
        List<String> failed = output.lines().filter(l -> l.matches("Command \\S+ failed\\.")).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("asadmin configuration failed: " + failed + "\n" + output);
        }
        return output;
    }
}
