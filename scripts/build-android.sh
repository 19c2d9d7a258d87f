#!/usr/bin/env bash
# Builds the core for Android and puts it where the Gradle project finds it:
# libshikaku_ffi.so for the four ABIs into android-shell/app/src/main/jniLibs, and the
# generated Kotlin bindings into android-shell/app/src/main/java (both ignored by git).
# Needs the Android NDK (ANDROID_NDK_HOME) and cargo-ndk; not run on the project's
# Linux CI machines, which have no NDK.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to the Android NDK}"
command -v cargo-ndk >/dev/null || cargo install cargo-ndk --locked
targets=(aarch64-linux-android armv7-linux-androideabi x86_64-linux-android i686-linux-android)
rustup target add "${targets[@]}"
jni=android-shell/app/src/main/jniLibs
cargo ndk --platform 26 \
  -t arm64-v8a -t armeabi-v7a -t x86_64 -t x86 \
  -o "$jni" build --locked --release -p shikaku-ffi
# The bindings come from the host build of the same sources.
bash scripts/generate-bindings.sh --release
mkdir -p android-shell/app/src/main/java
cp -R build/bindings/kotlin/. android-shell/app/src/main/java/
echo "libraries in $jni; bindings in android-shell/app/src/main/java" >&2
