//! The API-response-to-value mapping on arbitrary bodies.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::disk_mapping(data));
