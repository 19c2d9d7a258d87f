//! shikaku-core: everything shikaku decides.
//!
//! - [`companion::ShikakuCompanion`]: the one object a shell holds, over everything below.
//! - [`rules`]: the date law of RULES.md (R1–R11), pure functions of facts and `today`.
//! - [`household`]: members, their facts, and their evaluated status sorted by urgency.
//! - [`i18n`]: the member-facing words in Japanese and English.
//! - [`demo`]: the sample household the CLI's demo shows.
//! - [`clock`]: today in Japan, injectable.
//! - [`reminders`]: the reminder plan and the calendar export.
//! - [`guidance`]: what to present, the preparation flowchart, situations, the clinic
//!   card; [`content`]: the insurer's details and other content, signed and refreshed.
//! - [`qr`]: QR codes as SVG or a module matrix; [`view`]: every word a shell screen
//!   shows, and the household and timeline worded for display.
//! - [`store`]: the household's SQLite store; [`vault`]: the sealed 資格情報 PDFs;
//!   [`secrets`]: where the master key lives; [`error`]: the one public error.

#[cfg(feature = "ffi")]
uniffi::setup_scaffolding!("shikaku");

pub mod clock;
pub mod companion;
pub mod content;
pub mod demo;
pub mod error;
pub mod guidance;
pub mod household;
pub mod i18n;
pub mod qr;
pub mod reminders;
pub mod rules;
pub mod secrets;
pub mod store;
#[cfg(feature = "ffi")]
mod uniffi_support;
pub mod vault;
pub mod view;
