package dev.clipflow.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a Lambda layer's binary must be for an {@code x86_64} function that has nothing but the layer: a 64-bit ELF
 * executable for x86-64 without a program interpreter (statically linked, so neither the runtime's glibc nor
 * {@code LD_LIBRARY_PATH} can affect it). Reads the ELF header and program headers only.
 */
final class ElfExecutable {

    static final int EM_X86_64 = 62;
    static final int EM_AARCH64 = 183;
    private static final int PT_INTERP = 3;

    private ElfExecutable() {
    }

    /** The ELF machine number for a Lambda architecture name ({@code x86_64}, {@code arm64}). */
    static int machineOf(String lambdaArchitecture) {
        return switch (lambdaArchitecture) {
            case "x86_64" -> EM_X86_64;
            case "arm64" -> EM_AARCH64;
            default -> throw new IllegalArgumentException("Not a Lambda architecture: " + lambdaArchitecture);
        };
    }

    /** Empty when {@code file} is a static 64-bit little-endian ELF for {@code machine}; else what is wrong. */
    static Optional<String> problem(Path file, int machine) {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            if (header.position() < 64 || header.getInt(0) != 0x464c457f) {
                return Optional.of("not an ELF file");
            }
            if (header.get(4) != 2 || header.get(5) != 1) {
                return Optional.of("not a 64-bit little-endian ELF");
            }
            int actual = Short.toUnsignedInt(header.getShort(18));
            if (actual != machine) {
                return Optional.of("ELF machine " + actual + ", not " + machine);
            }
            long phoff = header.getLong(32);
            int phentsize = Short.toUnsignedInt(header.getShort(54));
            int phnum = Short.toUnsignedInt(header.getShort(56));
            ByteBuffer ph = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < phnum; i++) {
                ph.clear();
                channel.read(ph, phoff + (long) i * phentsize);
                if (ph.getInt(0) == PT_INTERP) {
                    return Optional.of("dynamically linked (has a program interpreter)");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
