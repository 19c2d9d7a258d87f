//! The cold clinic path and its floor measured in pairs: each round times the floor (both
//! of ring's ciphers) and the whole tap one right after the other, in alternating order,
//! so that a busy moment of the machine weighs on both sides of the ratio alike. The
//! criterion figures of `clinic_path` are taken minutes apart; on a shared machine their
//! ratio moves with whatever else ran in between.
//!
//! Writes `target/bench/clinic-paired.json` (medians in µs, the ratio of the tap's median
//! to the floor's, and the 10th and 90th percentiles of the rounds' own ratios), which
//! `scripts/performance-report.py` reads. `ROUNDS` (default 2000) sets the rounds.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::Instant;

#[path = "support/clinic.rs"]
mod clinic;
mod support;

use clinic::Clinic;

fn micros(run: impl FnOnce()) -> f64 {
    let start = Instant::now();
    run();
    start.elapsed().as_secs_f64() * 1e6
}

/// The value below which `fraction` of `values` lie (0.5: the median).
fn percentile(values: &[f64], fraction: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[((sorted.len() - 1) as f64 * fraction).round() as usize]
}

/// The times of each round, in µs: the tap, and the floor with each cipher.
#[derive(Default)]
struct Rounds {
    taps: Vec<f64>,
    floors: [Vec<f64>; 2],
}

impl Rounds {
    /// Times `count` rounds, the tap first in every other one.
    fn run(clinic: &Clinic, count: usize) -> Rounds {
        let mut rounds = Rounds::default();
        for index in 0..count {
            let tap_first = index % 2 == 0;
            if tap_first {
                rounds.taps.push(micros(|| {
                    black_box(clinic.tap());
                }));
            }
            for (floor, times) in clinic.floors.iter().zip(&mut rounds.floors) {
                times.push(micros(|| {
                    black_box(floor.read_decrypt());
                }));
            }
            if !tap_first {
                rounds.taps.push(micros(|| {
                    black_box(clinic.tap());
                }));
            }
        }
        rounds
    }
}

fn main() {
    // `cargo bench` passes `--bench` (and any filter); this bench takes none.
    let count: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(2000);
    let clinic = Clinic::new();
    Rounds::run(&clinic, count / 10); // warm-up
    let rounds = Rounds::run(&clinic, count);
    // The floor is the faster cipher over the whole run.
    let faster =
        usize::from(percentile(&rounds.floors[1], 0.5) < percentile(&rounds.floors[0], 0.5));
    let floors = &rounds.floors[faster];
    let ratios: Vec<f64> = rounds
        .taps
        .iter()
        .zip(floors)
        .map(|(tap, floor)| tap / floor)
        .collect();
    let floor_name = clinic.floors[faster].name;
    let (tap, floor) = (percentile(&rounds.taps, 0.5), percentile(floors, 0.5));
    let (low, high) = (percentile(&ratios, 0.1), percentile(&ratios, 0.9));
    let report = serde_json::json!({
        "rounds": count,
        "floor_cipher": floor_name,
        "floor_median_us": floor,
        "tap_median_us": tap,
        "ratio": tap / floor,
        "round_ratio_p10": low,
        "round_ratio_p90": high,
    });
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/bench");
    std::fs::create_dir_all(out).unwrap();
    std::fs::write(format!("{out}/clinic-paired.json"), report.to_string()).unwrap();
    println!(
        "clinic_paired: {count} rounds; floor ({floor_name}) {floor:.1} µs, tap {tap:.1} µs, \
         ratio {:.2} (rounds: p10 {low:.2}, p90 {high:.2})",
        tap / floor
    );
}
