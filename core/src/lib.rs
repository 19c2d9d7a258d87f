#![doc = include_str!("../README.md")]

#[cfg(feature = "ffi")]
uniffi::setup_scaffolding!("shikaku");

pub mod clock;
pub mod companion;
pub mod content;
pub mod demo;
mod embedded;
pub mod error;
pub mod files;
pub mod guidance;
pub mod household;
pub mod i18n;
pub mod jis;
pub mod qr;
pub mod reminders;
pub mod rules;
pub mod secrets;
pub mod store;
pub mod stored_text;
#[cfg(feature = "ffi")]
mod uniffi_support;
pub mod vault;
pub mod view;
