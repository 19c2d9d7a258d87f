package jp.shikaku.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.io.File
import java.time.LocalDate

/**
 * Times, through the Kotlin bindings on the JVM, the calls core/benches/ffi_calls.rs times
 * in Rust, on the same household (the transfer codes scripts/bench.sh writes to
 * target/ffi-bench/household.codes). Tagged "bench": not part of the test run; bench.sh
 * runs it against the release library and reads target/ffi-bench/kotlin.json.
 */
@Tag("bench")
class FfiBench {
    @TempDir
    lateinit var dir: File

    private val out = File(System.getProperty("shikaku.ffiBench"))

    /** Median of batch means, batches sized to about 10 ms, after a JIT warm-up. */
    private fun medianNanos(call: () -> Unit): Double {
        repeat(2_000) { call() }
        var count = 0
        val start = System.nanoTime()
        while (System.nanoTime() - start < 10_000_000) {
            call()
            count++
        }
        val samples = mutableListOf<Double>()
        val deadline = System.nanoTime() + 3_000_000_000L
        while (System.nanoTime() < deadline || samples.size < 10) {
            val begin = System.nanoTime()
            repeat(count) { call() }
            samples += (System.nanoTime() - begin).toDouble() / count
        }
        return samples.sorted()[samples.size / 2]
    }

    @Test
    fun ffiCalls() {
        val codes = File(out, "household.codes").readText().split(Regex("\\s+")).filter { it.isNotBlank() }
        val companion = ShikakuCompanion.open(dir.path, MapSecretStore(), Locale.JA)
        codes.forEach { companion.receiveMember(it, null) }
        assertEquals(8, companion.householdView().size)
        val date = LocalDate.of(2026, 12, 1)
        val formatDate = medianNanos { companion.formatDate(date) }
        val householdView = medianNanos { companion.householdView() }
        File(out, "kotlin.json").writeText("{\"format_date\": $formatDate, \"household_view\": $householdView}\n")
        companion.close()
    }
}
