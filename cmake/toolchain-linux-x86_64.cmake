# Toolchain for the static x86_64 Linux agent (scripts/release, preset
# static-x86_64): Debian's own g++ and the x86_64 static archives of
# libc6-dev, libstdc++-12-dev, libssl-dev and libc-ares-dev.
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_CXX_COMPILER x86_64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE x86_64-linux-gnu)
