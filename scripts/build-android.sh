#!/usr/bin/env bash
# Builds the core for Android and puts it where the Gradle project (android-shell) finds
# it: libshikaku_ffi.so for the four ABIs into android-shell/app/src/main/jniLibs, and the
# generated Kotlin bindings into build/bindings/kotlin (app/build.gradle.kts adds that
# directory to its sources). Both are ignored by git.
#
#   scripts/build-android.sh              the libraries and bindings
#   scripts/build-android.sh --assemble   and then ./gradlew :app:assembleDebug
#
# The 64-bit libraries are linked for 16 KB pages and checked with readelf.
#
# Needs the Android SDK and NDK (ANDROID_HOME, ANDROID_NDK_HOME) and cargo-ndk (installed
# here if missing). Not run on the project's Linux CI machines, which have no SDK or NDK.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to the Android NDK}"
command -v cargo-ndk >/dev/null || cargo install cargo-ndk --locked
targets=(aarch64-linux-android armv7-linux-androideabi x86_64-linux-android i686-linux-android)
rustup target add "${targets[@]}"
jni=android-shell/app/src/main/jniLibs
# 16 KB pages (Android 15+ devices, required for apps targeting Android 16 on Play): the
# linker aligns every loadable segment to 16 KB; NDK r28+ does so by default, older NDKs
# need the flag.
export RUSTFLAGS="${RUSTFLAGS:-} -C force-unwind-tables=no -C link-arg=-Wl,-z,max-page-size=16384"
cargo ndk --platform 26 \
  -t arm64-v8a -t armeabi-v7a -t x86_64 -t x86 \
  -o "$jni" build --locked --release -p shikaku-ffi
# Checked, not assumed: every LOAD segment of the 64-bit libraries aligned to 16 KB or
# more (32-bit ABIs run on 4 KB pages only).
for abi in arm64-v8a x86_64; do
  bash scripts/check-page-alignment.sh "$jni/$abi/libshikaku_ffi.so"
done
# The bindings come from the host build of the same sources.
bash scripts/generate-bindings.sh --release
echo "libraries in $jni; bindings in build/bindings/kotlin" >&2

if [ "${1:-}" = "--assemble" ]; then
  cd android-shell
  if [ ! -x gradlew ]; then
    command -v gradle >/dev/null || { echo "install Gradle 8.14+ once, or open android-shell in Android Studio" >&2; exit 1; }
    gradle wrapper --gradle-version 8.14.3
  fi
  ./gradlew :app:assembleDebug
  echo "APK: android-shell/app/build/outputs/apk/debug/app-debug.apk" >&2
fi
