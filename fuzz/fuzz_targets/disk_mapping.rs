//! The API-response-to-value mapping on arbitrary bodies.
#![no_main]

#[path = "../../tests/support/properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::disk_mapping(data));
