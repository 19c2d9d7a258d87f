// The Android app: Compose screens (src/main/java/jp/shikaku/android/ui, shared with the
// desktop render test), platform adapters (…/platform), and the core built by
// scripts/build-android.sh into src/main/jniLibs (four ABIs) with its Kotlin bindings
// in build/generated/shikaku (from build/bindings/kotlin).
plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("org.jetbrains.kotlin.plugin.compose")
}

android {
    namespace = "jp.shikaku.android"
    compileSdk = 36

    defaultConfig {
        applicationId = "jp.shikaku.android"
        minSdk = 26
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    buildFeatures { compose = true }

    sourceSets["main"].java.srcDir("../../build/bindings/kotlin")
}

// The JDK running Gradle compiles; compileOptions and jvmTarget fix the bytecode level, so
// no toolchain (and no toolchain download) is asked for.
kotlin { compilerOptions { jvmTarget.set(org.jetbrains.kotlin.gradle.dsl.JvmTarget.JVM_17) } }

// The same artifacts and versions as tests/android/pom.xml, which compiles these sources
// and runs the Robolectric tests on every test run: no BOM, every version named.
dependencies {
    implementation("androidx.compose.material3:material3:1.4.0")
    implementation("androidx.compose.ui:ui:1.9.4")
    implementation("androidx.compose.foundation:foundation:1.9.4")
    implementation("androidx.activity:activity-compose:1.12.4")
    implementation("androidx.core:core:1.17.0")
    implementation("androidx.biometric:biometric:1.1.0")
    implementation("androidx.fragment:fragment:1.8.9")
    implementation("androidx.lifecycle:lifecycle-runtime:2.9.4")
    implementation("androidx.lifecycle:lifecycle-viewmodel:2.9.4")
    implementation("androidx.work:work-runtime:2.11.2")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.10.2")
    // UniFFI's Kotlin bindings call the core through JNA; the aar carries its own .so.
    implementation("net.java.dev.jna:jna:5.17.0@aar")
}
