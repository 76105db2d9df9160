//! The msgpack decoder on arbitrary bytes, as a hostile peer could send them.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::msgpack_round_trip(data));
